//! Who may do what, on which object — every decision in one place (the roles of the README's Access section).
//!
//! Handlers load the object first and then ask here. Reading something the caller may not see
//! is a 404 (its existence is not revealed); seeing it but not being allowed to change it is a
//! 403. API tokens never do more than their owner, and only what their scopes allow.

use uuid::Uuid;

use crate::domain::enums::WorkflowState;
use crate::domain::workflow;
use crate::error::{ApiError, ApiResult};
use crate::models::plans::Plan;
use crate::web::auth::{Principal, Role, Scope};

fn forbidden(what: &str) -> ApiError {
    ApiError::Forbidden(what.to_string())
}

fn scope(p: &Principal, needed: Scope) -> ApiResult<()> {
    if p.has_scope(needed) {
        Ok(())
    } else {
        let name = match needed {
            Scope::Read => "read",
            Scope::ReportWrite => "report:write",
            Scope::Admin => "admin",
        };
        Err(forbidden(&format!("this API token lacks the {name} scope")))
    }
}

/// The role decides first: a caller whose role may never do something is told so, not that its
/// token lacks a scope (no scope could help); a role that may is then held to its token's scopes.
fn admin(p: &Principal, what: &str) -> ApiResult<()> {
    if p.role != Role::Admin {
        return Err(forbidden(&format!("only the secretariat (admin) may {what}")));
    }
    scope(p, Scope::Admin)
}

/// Internal data of plans (structure, departments, indicators): every signed-in role reads it.
pub fn read_internal(p: &Principal) -> ApiResult<()> {
    scope(p, Scope::Read)
}

/// Departments are managed by the secretariat.
pub fn manage_departments(p: &Principal) -> ApiResult<()> {
    admin(p, "manage departments")
}

/// New plans (also by bundle import) are created by the secretariat.
pub fn create_plan(p: &Principal) -> ApiResult<()> {
    admin(p, "create plans")
}

/// Deleting a whole plan is the secretariat's.
pub fn delete_plan(p: &Principal) -> ApiResult<()> {
    admin(p, "delete plans")
}

/// Whether the caller is a council user of the council that owns the plan.
fn owns(p: &Principal, plan: &Plan) -> bool {
    p.role == Role::Council && plan.owner_department_id.is_some_and(|owner| p.departments.contains(&owner.0))
}

/// The structure of a plan (the plan's settings, nodes, initiatives, indicators, targets):
/// the secretariat, and the council for the plans it owns.
pub fn write_structure(p: &Principal, plan: &Plan) -> ApiResult<()> {
    if p.role == Role::Admin || owns(p, plan) {
        scope(p, Scope::Admin)
    } else if p.role == Role::Council {
        Err(forbidden("the council writes the structure of the plans it owns only"))
    } else {
        Err(forbidden("only the secretariat (admin) or the owning council may change a plan's structure"))
    }
}

/// Whether the caller may write the structure of any plan at all: checked before a request body
/// is read, so that a role that never may learns it without the body being parsed.
pub fn write_some_structure(p: &Principal) -> ApiResult<()> {
    match p.role {
        Role::Admin | Role::Council => scope(p, Scope::Admin),
        _ => Err(forbidden("only the secretariat (admin) or the owning council may change a plan's structure")),
    }
}

/// Who owns a plan and whether it is published are the secretariat's to decide.
pub fn change_plan_ownership_or_status(p: &Principal) -> ApiResult<()> {
    admin(p, "change a plan's owner or status")
}

/// The data of an initiative (reports, quarter updates, indicator actuals): the secretariat, and
/// department or council users acting for one of its responsible departments. Others who can
/// see the initiative get 403. (Used by the reporting endpoints.)
pub fn write_initiative_data(p: &Principal, responsible: &[Uuid]) -> ApiResult<()> {
    match p.role {
        Role::Admin => scope(p, Scope::ReportWrite),
        Role::Department | Role::Council if p.departments.iter().any(|d| responsible.contains(d)) => {
            scope(p, Scope::ReportWrite)
        }
        Role::Department | Role::Council => Err(forbidden("your departments are not responsible for this initiative")),
        Role::Committee => Err(forbidden("the committee comments and rates; it never edits a department's text")),
    }
}

/// Whether the caller may write initiative data at all (quarters, indicator actuals): checked
/// before the body is read. The committee never writes a department's data.
pub fn write_some_initiative_data(p: &Principal) -> ApiResult<()> {
    match p.role {
        Role::Admin | Role::Department | Role::Council => scope(p, Scope::ReportWrite),
        Role::Committee => Err(forbidden("the committee comments and rates; it never edits a department's text")),
    }
}

/// Whether the caller may write some field of an annual report: the department's text or the
/// committee's opinion and rating (which fields are checked once the body is read).
pub fn write_some_report_field(p: &Principal) -> ApiResult<()> {
    scope(p, Scope::ReportWrite)
}

/// The committee's opinion and rating, returning a report and marking it reviewed: the
/// committee and the secretariat.
pub fn review_report(p: &Principal) -> ApiResult<()> {
    match p.role {
        Role::Admin | Role::Committee => scope(p, Scope::ReportWrite),
        _ => Err(forbidden("only the committee or the secretariat (admin) review reports")),
    }
}

/// Publishing a report, and opening a correction of a published one.
pub fn publish_report(p: &Principal) -> ApiResult<()> {
    admin(p, "publish reports or open corrections")
}

/// Values of plan-level targets: the secretariat, and the council for the plans it owns.
pub fn write_plan_target_values(p: &Principal, plan: &Plan) -> ApiResult<()> {
    if p.role == Role::Admin || owns(p, plan) {
        scope(p, Scope::ReportWrite)
    } else {
        Err(forbidden("only the secretariat (admin) or the owning council record plan-level targets"))
    }
}

/// Whether the caller may record plan-level target values of some plan (before the body is read).
pub fn write_some_plan_target_values(p: &Principal) -> ApiResult<()> {
    match p.role {
        Role::Admin | Role::Council => scope(p, Scope::ReportWrite),
        _ => Err(forbidden("only the secretariat (admin) or the owning council record plan-level targets")),
    }
}

/// What of an annual report a caller sees.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ReportSight {
    /// The report as it is now.
    Current,
    /// The report as last published (a correction is being prepared).
    LastPublished,
    /// Nothing: 404.
    Hidden,
}

/// The secretariat and the responsible departments see every state; the committee and other
/// departments see a report once it is handed in (never a draft or a returned one), and the
/// last published edition while a correction is prepared.
pub fn see_report(p: &Principal, responsible: &[Uuid], state: WorkflowState, was_published: bool) -> ReportSight {
    let own =
        matches!(p.role, Role::Department | Role::Council) && p.departments.iter().any(|d| responsible.contains(d));
    if !p.has_scope(Scope::Read) {
        ReportSight::Hidden
    } else if p.role == Role::Admin || own || workflow::handed_in(state) {
        ReportSight::Current
    } else if was_published {
        ReportSight::LastPublished
    } else {
        ReportSight::Hidden
    }
}

/// Whose report contents (ratings, progress, quarter marks, indicator values) a summary counts.
/// Every report still counts in the workflow counts: "who is late" is everyone's question.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum SummarySight {
    /// Every report (the secretariat).
    All,
    /// Reports handed in, and every report of initiatives these departments are responsible for.
    HandedInOr(Vec<Uuid>),
    /// Published reports only (the public portal).
    Published,
}

/// The same rule as [`see_report`], for counts over many reports.
pub fn summary_sight(p: &Principal) -> ApiResult<SummarySight> {
    scope(p, Scope::Read)?;
    Ok(match p.role {
        Role::Admin => SummarySight::All,
        Role::Department | Role::Council => SummarySight::HandedInOr(p.departments.clone()),
        Role::Committee => SummarySight::HandedInOr(Vec::new()),
    })
}

/// The list of overdue reports of a plan is the secretariat's.
pub fn see_overdue(p: &Principal) -> ApiResult<()> {
    admin(p, "list overdue reports")
}

/// Comments: the committee and the secretariat open a thread; the responsible department replies.
pub fn comment_on_report(p: &Principal, responsible: &[Uuid], reply: bool) -> ApiResult<()> {
    match p.role {
        Role::Admin | Role::Committee => scope(p, Scope::ReportWrite),
        Role::Department | Role::Council if p.departments.iter().any(|d| responsible.contains(d)) => {
            if reply {
                scope(p, Scope::ReportWrite)
            } else {
                Err(forbidden("the reporting department replies to the committee's comments (set in_reply_to)"))
            }
        }
        Role::Department | Role::Council => Err(forbidden("your departments are not responsible for this initiative")),
    }
}

/// Whether the caller may comment at all (before the body is read).
pub fn comment_on_some_report(p: &Principal) -> ApiResult<()> {
    scope(p, Scope::ReportWrite)
}

/// Webhook subscriptions (their secrets, their delivery logs) are the secretariat's.
pub fn manage_webhooks(p: &Principal) -> ApiResult<()> {
    admin(p, "manage webhooks")
}

/// Users are managed by the secretariat.
pub fn manage_users(p: &Principal) -> ApiResult<()> {
    admin(p, "manage users")
}

/// The audit trail is the secretariat's.
pub fn read_audit(p: &Principal) -> ApiResult<()> {
    admin(p, "read the audit trail")
}

/// A user's own settings are changed by the user signed in, not by a script's token.
pub fn change_own_settings(p: &Principal) -> ApiResult<()> {
    if p.token.is_some() {
        return Err(forbidden("a user's own settings are changed signed in, not with an API token"));
    }
    Ok(())
}

/// Issuing API tokens needs a signed-in user (a token cannot mint tokens), any role.
pub fn issue_token(p: &Principal) -> ApiResult<()> {
    if p.token.is_some() {
        return Err(forbidden("API tokens are issued to signed-in users, not by other tokens"));
    }
    Ok(())
}

/// A token is visible to its owner and to the secretariat; to anyone else it does not exist.
pub fn see_token(p: &Principal, owner: Uuid) -> ApiResult<()> {
    scope(p, Scope::Read)?;
    if p.user_id == owner || (p.role == Role::Admin && p.has_scope(Scope::Admin)) {
        Ok(())
    } else {
        Err(ApiError::not_found("API token"))
    }
}

/// Revoking: the owner (also with the token itself) or the secretariat.
pub fn revoke_token(p: &Principal, owner: Uuid) -> ApiResult<()> {
    see_token(p, owner)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::web::auth::TokenGrant;

    fn principal(role: Role, scopes: Option<Vec<Scope>>) -> Principal {
        Principal {
            user_id: Uuid::new_v4(),
            login: "u".into(),
            role,
            departments: vec![],
            token: scopes.map(|scopes| TokenGrant { id: Uuid::new_v4(), name: "t".into(), scopes }),
        }
    }

    #[test]
    fn tokens_never_exceed_their_scopes() {
        let admin_read_only = principal(Role::Admin, Some(vec![Scope::Read]));
        assert!(read_internal(&admin_read_only).is_ok());
        assert!(matches!(manage_departments(&admin_read_only), Err(ApiError::Forbidden(_))));
        let admin_full = principal(Role::Admin, Some(vec![Scope::Admin]));
        assert!(manage_departments(&admin_full).is_ok());
        let department_admin_scope = principal(Role::Department, Some(vec![Scope::Admin]));
        assert!(manage_departments(&department_admin_scope).is_err(), "a scope never lifts the role");
        // The role's reason, not the token's: no scope would help a department.
        let department_read = principal(Role::Department, Some(vec![Scope::Read]));
        match write_some_structure(&department_read) {
            Err(ApiError::Forbidden(reason)) => assert!(reason.contains("secretariat"), "{reason}"),
            other => panic!("{other:?}"),
        }
        assert!(issue_token(&admin_full).is_err());
    }

    #[test]
    fn initiative_data_is_written_by_its_departments() {
        let mine = Uuid::new_v4();
        let theirs = Uuid::new_v4();
        let mut department = principal(Role::Department, None);
        department.departments = vec![mine];
        assert!(write_initiative_data(&department, &[theirs, mine]).is_ok());
        assert!(matches!(write_initiative_data(&department, &[theirs]), Err(ApiError::Forbidden(_))));
        let mut council = principal(Role::Council, Some(vec![Scope::Read]));
        council.departments = vec![mine];
        assert!(write_initiative_data(&council, &[mine]).is_err(), "a read token cannot write");
        council.token.as_mut().unwrap().scopes = vec![Scope::ReportWrite];
        assert!(write_initiative_data(&council, &[mine]).is_ok());
        assert!(write_initiative_data(&principal(Role::Committee, None), &[mine]).is_err());
        assert!(write_initiative_data(&principal(Role::Admin, None), &[theirs]).is_ok());
    }

    #[test]
    fn scopes_imply_lesser_ones() {
        assert!(Scope::Admin.implies(Scope::ReportWrite));
        assert!(Scope::ReportWrite.implies(Scope::Read));
        assert!(!Scope::Read.implies(Scope::ReportWrite));
        assert!(!Scope::ReportWrite.implies(Scope::Admin));
        assert!(!Scope::Admin.allowed_for(Role::Council));
        assert!(!Scope::ReportWrite.allowed_for(Role::Committee));
    }
}
