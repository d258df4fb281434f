from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, BinaryIO, TextIO, TYPE_CHECKING, Generator

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

from ..models.authenticated_by import AuthenticatedBy
from typing import cast
from uuid import UUID

if TYPE_CHECKING:
  from ..models.me_token import MeToken
  from ..models.user_view import UserView





T = TypeVar("T", bound="Me")



@_attrs_define
class Me:
    """ The caller: the user, and the API token when a script is calling.

        Attributes:
            user (UserView): A user (never with the password).
            authenticated_by (AuthenticatedBy): How the caller proved who it is.
            token (MeToken | None):
            acting_for_department_ids (list[UUID]): The departments this caller acts for now (an API token may narrow them).
     """

    user: UserView
    authenticated_by: AuthenticatedBy
    token: MeToken | None
    acting_for_department_ids: list[UUID]
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)





    def to_dict(self) -> dict[str, Any]:
        from ..models.me_token import MeToken # noqa: PLC0415
        from ..models.user_view import UserView # noqa: PLC0415
        user = self.user.to_dict()

        authenticated_by = self.authenticated_by.value

        token: dict[str, Any] | None
        if isinstance(self.token, MeToken):
            token = self.token.to_dict()
        else:
            token = self.token

        acting_for_department_ids = []
        for acting_for_department_ids_item_data in self.acting_for_department_ids:
            acting_for_department_ids_item = str(acting_for_department_ids_item_data)
            acting_for_department_ids.append(acting_for_department_ids_item)




        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update({
            "user": user,
            "authenticated_by": authenticated_by,
            "token": token,
            "acting_for_department_ids": acting_for_department_ids,
        })

        return field_dict



    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.me_token import MeToken # noqa: PLC0415
        from ..models.user_view import UserView # noqa: PLC0415
        d = dict(src_dict)
        user = UserView.from_dict(d.pop("user"))




        authenticated_by = AuthenticatedBy(d.pop("authenticated_by"))




        def _parse_token(data: object) -> MeToken | None:
            if data is None:
                return data
            try:
                if not isinstance(data, dict):
                    raise TypeError()
                token_type_1 = MeToken.from_dict(data)



                return token_type_1
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(MeToken | None, data)

        token = _parse_token(d.pop("token"))


        acting_for_department_ids = []
        _acting_for_department_ids = d.pop("acting_for_department_ids")
        for acting_for_department_ids_item_data in (_acting_for_department_ids):
            acting_for_department_ids_item = UUID(acting_for_department_ids_item_data)



            acting_for_department_ids.append(acting_for_department_ids_item)


        me = cls(
            user=user,
            authenticated_by=authenticated_by,
            token=token,
            acting_for_department_ids=acting_for_department_ids,
        )


        me.additional_properties = d
        return me

    @property
    def additional_keys(self) -> list[str]:
        return list(self.additional_properties.keys())

    def __getitem__(self, key: str) -> Any:
        return self.additional_properties[key]

    def __setitem__(self, key: str, value: Any) -> None:
        self.additional_properties[key] = value

    def __delitem__(self, key: str) -> None:
        del self.additional_properties[key]

    def __contains__(self, key: str) -> bool:
        return key in self.additional_properties
