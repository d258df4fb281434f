""" Contains all the data models used in inputs/outputs """

from .api_token_input import ApiTokenInput
from .api_token_list import ApiTokenList
from .api_token_view import ApiTokenView
from .audit_event_list import AuditEventList
from .audit_event_view import AuditEventView
from .audit_event_view_after_type_0 import AuditEventViewAfterType0
from .audit_event_view_before_type_0 import AuditEventViewBeforeType0
from .authenticated_by import AuthenticatedBy
from .baseline import Baseline
from .bundle_baseline import BundleBaseline
from .bundle_department import BundleDepartment
from .bundle_indicator import BundleIndicator
from .bundle_initiative import BundleInitiative
from .bundle_node import BundleNode
from .bundle_plan import BundlePlan
from .bundle_plan_rating_legend_type_0 import BundlePlanRatingLegendType0
from .bundle_quarter import BundleQuarter
from .bundle_target import BundleTarget
from .bundle_target_year import BundleTargetYear
from .bundle_value import BundleValue
from .bundle_year import BundleYear
from .created_api_token import CreatedApiToken
from .department_input import DepartmentInput
from .department_kind import DepartmentKind
from .department_list import DepartmentList
from .department_patch import DepartmentPatch
from .department_view import DepartmentView
from .direction import Direction
from .field_error import FieldError
from .health import Health
from .import_counts import ImportCounts
from .import_result import ImportResult
from .indicator_input import IndicatorInput
from .indicator_list import IndicatorList
from .indicator_patch import IndicatorPatch
from .indicator_value_view import IndicatorValueView
from .indicator_view import IndicatorView
from .initiative_input import InitiativeInput
from .initiative_list import InitiativeList
from .initiative_patch import InitiativePatch
from .initiative_status import InitiativeStatus
from .initiative_view import InitiativeView
from .list_initiatives_department_id_item_type_1 import ListInitiativesDepartmentIdItemType1
from .login_input import LoginInput
from .me import Me
from .me_token import MeToken
from .node_input import NodeInput
from .node_list import NodeList
from .node_patch import NodePatch
from .node_view import NodeView
from .plan_bundle import PlanBundle
from .plan_input import PlanInput
from .plan_list import PlanList
from .plan_patch import PlanPatch
from .plan_status import PlanStatus
from .plan_view import PlanView
from .problem import Problem
from .rating_grade import RatingGrade
from .refresh_input import RefreshInput
from .related_programs import RelatedPrograms
from .responsible_department import ResponsibleDepartment
from .revision_input import RevisionInput
from .role import Role
from .scope import Scope
from .target_list import TargetList
from .token_response import TokenResponse
from .user_department import UserDepartment
from .user_input import UserInput
from .user_list import UserList
from .user_patch import UserPatch
from .user_view import UserView
from .workflow_state import WorkflowState

__all__ = (
    "ApiTokenInput",
    "ApiTokenList",
    "ApiTokenView",
    "AuditEventList",
    "AuditEventView",
    "AuditEventViewAfterType0",
    "AuditEventViewBeforeType0",
    "AuthenticatedBy",
    "Baseline",
    "BundleBaseline",
    "BundleDepartment",
    "BundleIndicator",
    "BundleInitiative",
    "BundleNode",
    "BundlePlan",
    "BundlePlanRatingLegendType0",
    "BundleQuarter",
    "BundleTarget",
    "BundleTargetYear",
    "BundleValue",
    "BundleYear",
    "CreatedApiToken",
    "DepartmentInput",
    "DepartmentKind",
    "DepartmentList",
    "DepartmentPatch",
    "DepartmentView",
    "Direction",
    "FieldError",
    "Health",
    "ImportCounts",
    "ImportResult",
    "IndicatorInput",
    "IndicatorList",
    "IndicatorPatch",
    "IndicatorValueView",
    "IndicatorView",
    "InitiativeInput",
    "InitiativeList",
    "InitiativePatch",
    "InitiativeStatus",
    "InitiativeView",
    "ListInitiativesDepartmentIdItemType1",
    "LoginInput",
    "Me",
    "MeToken",
    "NodeInput",
    "NodeList",
    "NodePatch",
    "NodeView",
    "PlanBundle",
    "PlanInput",
    "PlanList",
    "PlanPatch",
    "PlanStatus",
    "PlanView",
    "Problem",
    "RatingGrade",
    "RefreshInput",
    "RelatedPrograms",
    "ResponsibleDepartment",
    "RevisionInput",
    "Role",
    "Scope",
    "TargetList",
    "TokenResponse",
    "UserDepartment",
    "UserInput",
    "UserList",
    "UserPatch",
    "UserView",
    "WorkflowState",
)
