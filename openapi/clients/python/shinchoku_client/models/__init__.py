""" Contains all the data models used in inputs/outputs """

from .achievement import Achievement
from .achievement_share import AchievementShare
from .achievement_status import AchievementStatus
from .annual_report_input import AnnualReportInput
from .annual_report_view import AnnualReportView
from .api_token_input import ApiTokenInput
from .api_token_list import ApiTokenList
from .api_token_view import ApiTokenView
from .attempt_view import AttemptView
from .audit_event_list import AuditEventList
from .audit_event_view import AuditEventView
from .audit_event_view_after_type_0 import AuditEventViewAfterType0
from .audit_event_view_before_type_0 import AuditEventViewBeforeType0
from .authenticated_by import AuthenticatedBy
from .baseline import Baseline
from .batch_item_result import BatchItemResult
from .batch_outcome import BatchOutcome
from .batch_quarter_input import BatchQuarterInput
from .batch_value_input import BatchValueInput
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
from .cell_change import CellChange
from .comment_input import CommentInput
from .comment_list import CommentList
from .comment_view import CommentView
from .counts import Counts
from .counts_ratings import CountsRatings
from .created_api_token import CreatedApiToken
from .delivery_list import DeliveryList
from .delivery_status import DeliveryStatus
from .delivery_view import DeliveryView
from .department_input import DepartmentInput
from .department_kind import DepartmentKind
from .department_list import DepartmentList
from .department_name import DepartmentName
from .department_patch import DepartmentPatch
from .department_summary import DepartmentSummary
from .department_view import DepartmentView
from .direction import Direction
from .due_event import DueEvent
from .event_type import EventType
from .export_progress_report_format import ExportProgressReportFormat
from .export_progress_report_layout import ExportProgressReportLayout
from .export_progress_sheet_encoding import ExportProgressSheetEncoding
from .export_progress_sheet_format import ExportProgressSheetFormat
from .field_change import FieldChange
from .field_error import FieldError
from .get_public_page_fiscal_year_type_1 import GetPublicPageFiscalYearType1
from .get_public_summary_csv_fiscal_year_type_1 import GetPublicSummaryCsvFiscalYearType1
from .get_public_summary_fiscal_year_type_1 import GetPublicSummaryFiscalYearType1
from .get_ratings_chart_fiscal_year_type_1 import GetRatingsChartFiscalYearType1
from .group_by import GroupBy
from .health import Health
from .import_counts import ImportCounts
from .import_result import ImportResult
from .indicator_counts import IndicatorCounts
from .indicator_input import IndicatorInput
from .indicator_list import IndicatorList
from .indicator_patch import IndicatorPatch
from .indicator_value_entry import IndicatorValueEntry
from .indicator_value_list import IndicatorValueList
from .indicator_value_view import IndicatorValueView
from .indicator_view import IndicatorView
from .initiative_input import InitiativeInput
from .initiative_list import InitiativeList
from .initiative_patch import InitiativePatch
from .initiative_status import InitiativeStatus
from .initiative_view import InitiativeView
from .legend import Legend
from .legend_entry import LegendEntry
from .legend_progress import LegendProgress
from .legend_quarter_marks import LegendQuarterMarks
from .legend_scale import LegendScale
from .legend_workflow import LegendWorkflow
from .list_initiatives_department_id_item_type_1 import ListInitiativesDepartmentIdItemType1
from .list_reports_department_id_item_type_1 import ListReportsDepartmentIdItemType1
from .login_input import LoginInput
from .mark_share import MarkShare
from .me import Me
from .me_patch import MePatch
from .me_token import MeToken
from .node_input import NodeInput
from .node_list import NodeList
from .node_patch import NodePatch
from .node_view import NodeView
from .overdue_list import OverdueList
from .packet_layout import PacketLayout
from .pending_item import PendingItem
from .plan_bundle import PlanBundle
from .plan_category import PlanCategory
from .plan_event import PlanEvent
from .plan_event_data import PlanEventData
from .plan_input import PlanInput
from .plan_list import PlanList
from .plan_patch import PlanPatch
from .plan_status import PlanStatus
from .plan_summary import PlanSummary
from .plan_target_year import PlanTargetYear
from .plan_trend import PlanTrend
from .plan_view import PlanView
from .problem import Problem
from .progress_batch_input import ProgressBatchInput
from .progress_batch_item import ProgressBatchItem
from .progress_batch_result import ProgressBatchResult
from .progress_counts import ProgressCounts
from .progress_share import ProgressShare
from .progress_status import ProgressStatus
from .public_counts import PublicCounts
from .public_group import PublicGroup
from .public_initiative import PublicInitiative
from .public_legend import PublicLegend
from .public_node import PublicNode
from .public_plan import PublicPlan
from .public_plan_links import PublicPlanLinks
from .public_plan_list import PublicPlanList
from .public_plan_tree import PublicPlanTree
from .public_report import PublicReport
from .public_summary import PublicSummary
from .public_timeline import PublicTimeline
from .public_trend import PublicTrend
from .public_trend_year import PublicTrendYear
from .published_year import PublishedYear
from .quarter_counts import QuarterCounts
from .quarter_distribution import QuarterDistribution
from .quarter_input import QuarterInput
from .quarter_mark import QuarterMark
from .quarter_view import QuarterView
from .rating_grade import RatingGrade
from .rating_rule import RatingRule
from .rating_share import RatingShare
from .rating_source import RatingSource
from .rating_step import RatingStep
from .readiness import Readiness
from .refresh_input import RefreshInput
from .related_programs import RelatedPrograms
from .report_event import ReportEvent
from .report_event_data import ReportEventData
from .report_list import ReportList
from .report_summary import ReportSummary
from .report_value_view import ReportValueView
from .responsible_department import ResponsibleDepartment
from .return_input import ReturnInput
from .revision import Revision
from .revision_diff import RevisionDiff
from .revision_input import RevisionInput
from .revision_list import RevisionList
from .revision_summary import RevisionSummary
from .role import Role
from .scope import Scope
from .sheet_import_result import SheetImportResult
from .sheet_upload_form import SheetUploadForm
from .sheet_warning import SheetWarning
from .suggested_rating import SuggestedRating
from .suggestion_counts import SuggestionCounts
from .summary_group import SummaryGroup
from .target_list import TargetList
from .test_event import TestEvent
from .test_event_data import TestEventData
from .test_sent import TestSent
from .timeline import Timeline
from .timeline_indicator import TimelineIndicator
from .timeline_year import TimelineYear
from .token_response import TokenResponse
from .trend_year import TrendYear
from .user_department import UserDepartment
from .user_input import UserInput
from .user_list import UserList
from .user_patch import UserPatch
from .user_ref import UserRef
from .user_view import UserView
from .value_input import ValueInput
from .webhook_created import WebhookCreated
from .webhook_input import WebhookInput
from .webhook_list import WebhookList
from .webhook_patch import WebhookPatch
from .webhook_view import WebhookView
from .workflow_counts import WorkflowCounts
from .workflow_state import WorkflowState

__all__ = (
    "Achievement",
    "AchievementShare",
    "AchievementStatus",
    "AnnualReportInput",
    "AnnualReportView",
    "ApiTokenInput",
    "ApiTokenList",
    "ApiTokenView",
    "AttemptView",
    "AuditEventList",
    "AuditEventView",
    "AuditEventViewAfterType0",
    "AuditEventViewBeforeType0",
    "AuthenticatedBy",
    "Baseline",
    "BatchItemResult",
    "BatchOutcome",
    "BatchQuarterInput",
    "BatchValueInput",
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
    "CellChange",
    "CommentInput",
    "CommentList",
    "CommentView",
    "Counts",
    "CountsRatings",
    "CreatedApiToken",
    "DeliveryList",
    "DeliveryStatus",
    "DeliveryView",
    "DepartmentInput",
    "DepartmentKind",
    "DepartmentList",
    "DepartmentName",
    "DepartmentPatch",
    "DepartmentSummary",
    "DepartmentView",
    "Direction",
    "DueEvent",
    "EventType",
    "ExportProgressReportFormat",
    "ExportProgressReportLayout",
    "ExportProgressSheetEncoding",
    "ExportProgressSheetFormat",
    "FieldChange",
    "FieldError",
    "GetPublicPageFiscalYearType1",
    "GetPublicSummaryCsvFiscalYearType1",
    "GetPublicSummaryFiscalYearType1",
    "GetRatingsChartFiscalYearType1",
    "GroupBy",
    "Health",
    "ImportCounts",
    "ImportResult",
    "IndicatorCounts",
    "IndicatorInput",
    "IndicatorList",
    "IndicatorPatch",
    "IndicatorValueEntry",
    "IndicatorValueList",
    "IndicatorValueView",
    "IndicatorView",
    "InitiativeInput",
    "InitiativeList",
    "InitiativePatch",
    "InitiativeStatus",
    "InitiativeView",
    "Legend",
    "LegendEntry",
    "LegendProgress",
    "LegendQuarterMarks",
    "LegendScale",
    "LegendWorkflow",
    "ListInitiativesDepartmentIdItemType1",
    "ListReportsDepartmentIdItemType1",
    "LoginInput",
    "MarkShare",
    "Me",
    "MePatch",
    "MeToken",
    "NodeInput",
    "NodeList",
    "NodePatch",
    "NodeView",
    "OverdueList",
    "PacketLayout",
    "PendingItem",
    "PlanBundle",
    "PlanCategory",
    "PlanEvent",
    "PlanEventData",
    "PlanInput",
    "PlanList",
    "PlanPatch",
    "PlanStatus",
    "PlanSummary",
    "PlanTargetYear",
    "PlanTrend",
    "PlanView",
    "Problem",
    "ProgressBatchInput",
    "ProgressBatchItem",
    "ProgressBatchResult",
    "ProgressCounts",
    "ProgressShare",
    "ProgressStatus",
    "PublicCounts",
    "PublicGroup",
    "PublicInitiative",
    "PublicLegend",
    "PublicNode",
    "PublicPlan",
    "PublicPlanLinks",
    "PublicPlanList",
    "PublicPlanTree",
    "PublicReport",
    "PublicSummary",
    "PublicTimeline",
    "PublicTrend",
    "PublicTrendYear",
    "PublishedYear",
    "QuarterCounts",
    "QuarterDistribution",
    "QuarterInput",
    "QuarterMark",
    "QuarterView",
    "RatingGrade",
    "RatingRule",
    "RatingShare",
    "RatingSource",
    "RatingStep",
    "Readiness",
    "RefreshInput",
    "RelatedPrograms",
    "ReportEvent",
    "ReportEventData",
    "ReportList",
    "ReportSummary",
    "ReportValueView",
    "ResponsibleDepartment",
    "ReturnInput",
    "Revision",
    "RevisionDiff",
    "RevisionInput",
    "RevisionList",
    "RevisionSummary",
    "Role",
    "Scope",
    "SheetImportResult",
    "SheetUploadForm",
    "SheetWarning",
    "SuggestedRating",
    "SuggestionCounts",
    "SummaryGroup",
    "TargetList",
    "TestEvent",
    "TestEventData",
    "TestSent",
    "Timeline",
    "TimelineIndicator",
    "TimelineYear",
    "TokenResponse",
    "TrendYear",
    "UserDepartment",
    "UserInput",
    "UserList",
    "UserPatch",
    "UserRef",
    "UserView",
    "ValueInput",
    "WebhookCreated",
    "WebhookInput",
    "WebhookList",
    "WebhookPatch",
    "WebhookView",
    "WorkflowCounts",
    "WorkflowState",
)
