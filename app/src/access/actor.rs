//! The signed-in actor and the one check every server function starts with.

use super::{Capability, Role, Scope, allowed_scope};
use crate::audience::Membership;
use crate::db::entities::{class, class_staff, pupil, staff_role, user_account};
use crate::error::AppError;
use sea_orm::{ColumnTrait, ConnectionTrait, DbErr, EntityTrait, QueryFilter};
use std::sync::Arc;

/// Account states; only `active` accounts may sign in or keep a session.
pub mod status {
    /// Created, waiting for its owner to set a password.
    pub const INVITED: &str = "invited";
    /// In use.
    pub const ACTIVE: &str = "active";
    /// Switched off by an admin; every session ended.
    pub const SUSPENDED: &str = "suspended";
}

/// A guardian's child as the actor sees it.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Child {
    /// Where the child belongs this year.
    pub membership: Membership,
    /// The name the family and school use.
    pub name: String,
    /// The class's name (e.g. "3A"), if the child has a class this year.
    pub class_name: Option<String>,
}

/// Who is making the request: the account, its roles and what those roles reach.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Actor {
    /// The account's id.
    pub user_id: i32,
    /// The school the account belongs to.
    pub school_id: i32,
    /// The school's IANA time zone, which every date a page shows is read in. Set when a school
    /// is created and never changed by the portal, so a cached actor's copy stays right.
    pub zone: String,
    /// Every role the account holds.
    pub roles: Vec<Role>,
    /// Set for guardians.
    pub guardian_id: Option<i32>,
    /// Set for staff.
    pub staff_id: Option<i32>,
    /// Classes a member of staff teaches or supports this year.
    pub classes: Vec<i32>,
    /// A guardian's children enrolled this year, in name order.
    pub children: Vec<Child>,
    /// The child the guardian chose in the switcher; `None` means all of them.
    pub selected_child: Option<i32>,
}

/// The request's signed-in actor, put into the request by the session middleware.
#[derive(Clone, Debug, Default)]
pub struct CurrentActor(pub Option<Arc<Actor>>);

/// A capability granted to an actor, and how far it reaches.
#[derive(Clone, Debug)]
pub struct Granted {
    /// Who asked.
    pub actor: Arc<Actor>,
    /// How far the capability reaches for them.
    pub scope: Scope,
}

impl Granted {
    /// Whether the grant covers something in `school_id`, in `class_id` when it has a class.
    pub fn covers(&self, school_id: i32, class_id: Option<i32>) -> bool {
        if school_id != self.actor.school_id {
            return false;
        }
        match self.scope {
            Scope::WholeSchool => true,
            Scope::OwnClasses => class_id.is_some_and(|c| self.actor.classes.contains(&c)),
            Scope::OwnChildren => false,
        }
    }
}

impl Actor {
    /// Where each of a guardian's children belongs this year.
    pub fn memberships(&self) -> Vec<Membership> {
        self.children.iter().map(|c| c.membership).collect()
    }

    /// The memberships a guardian's lists show: the chosen child's, or every child's.
    pub fn chosen_memberships(&self) -> Vec<Membership> {
        self.children
            .iter()
            .filter(|c| {
                self.selected_child
                    .is_none_or(|chosen| chosen == c.membership.pupil_id)
            })
            .map(|c| c.membership)
            .collect()
    }

    /// Whether the actor is a guardian of `pupil_id` (this year).
    pub fn has_child(&self, pupil_id: i32) -> bool {
        self.children
            .iter()
            .any(|c| c.membership.pupil_id == pupil_id)
    }

    /// Whether the actor holds `role`.
    pub fn is(&self, role: Role) -> bool {
        self.roles.contains(&role)
    }

    /// Whether a read granted in `scope` covers the whole school's (office, leadership) rather
    /// than the actor's children's or classes'.
    pub fn reads_whole_school(&self, scope: Scope) -> bool {
        scope == Scope::WholeSchool && self.guardian_id.is_none()
    }
}

/// The signed-in actor of the current request or server function.
pub fn current_actor() -> Result<Arc<Actor>, AppError> {
    leptos::prelude::use_context::<http::request::Parts>()
        .and_then(|parts| parts.extensions.get::<CurrentActor>().cloned())
        .and_then(|current| current.0)
        .ok_or(AppError::SignInRequired)
}

/// The first line of every server function: who asks, and may they use `capability` at all.
/// The caller then checks the object's audience against the returned grant.
pub fn authorize(capability: Capability) -> Result<Granted, AppError> {
    let actor = current_actor()?;
    let scope = allowed_scope(&actor.roles, capability).ok_or(AppError::Forbidden)?;
    Ok(Granted { actor, scope })
}

/// `capability` for an actor already known (a download or page post, outside a server
/// function), as a grant.
pub fn grant(actor: &Arc<Actor>, capability: Capability) -> Result<Granted, AppError> {
    let scope = allowed_scope(&actor.roles, capability).ok_or(AppError::Forbidden)?;
    Ok(Granted {
        actor: Arc::clone(actor),
        scope,
    })
}

/// Builds the actor for an active account; `None` for a missing or inactive one.
pub async fn load_actor<C: ConnectionTrait>(db: &C, user_id: i32) -> Result<Option<Actor>, DbErr> {
    let Some(user) = user_account::Entity::find_by_id(user_id).one(db).await? else {
        return Ok(None);
    };
    if user.status != status::ACTIVE {
        return Ok(None);
    }
    let mut actor = Actor {
        user_id: user.id,
        school_id: user.school_id,
        zone: crate::school::db::timezone(db, user.school_id).await?,
        roles: Vec::new(),
        guardian_id: user.guardian_id,
        staff_id: user.staff_id,
        classes: Vec::new(),
        children: Vec::new(),
        selected_child: None,
    };
    if let Some(guardian_id) = user.guardian_id {
        actor.roles.push(Role::Guardian);
        actor.children = children_of(db, guardian_id).await?;
        actor.selected_child = user
            .selected_pupil_id
            .filter(|id| actor.children.iter().any(|c| c.membership.pupil_id == *id));
    }
    if let Some(staff_id) = user.staff_id {
        for role in staff_role::Entity::find()
            .filter(staff_role::Column::StaffId.eq(staff_id))
            .all(db)
            .await?
        {
            if let Some(role) = Role::from_code(&role.role) {
                actor.roles.push(role);
            }
        }
        actor.classes = classes_of(db, user.school_id, staff_id).await?;
    }
    Ok(Some(actor))
}

/// A guardian's children enrolled this year, with names and class names, in name order.
pub async fn children_of<C: ConnectionTrait>(
    db: &C,
    guardian_id: i32,
) -> Result<Vec<Child>, DbErr> {
    let memberships = crate::audience::resolve::memberships(db, guardian_id).await?;
    let pupil_ids: Vec<i32> = memberships.iter().map(|m| m.pupil_id).collect();
    let class_ids: Vec<i32> = memberships.iter().filter_map(|m| m.class_id).collect();
    let pupils = pupil::Entity::find()
        .filter(pupil::Column::Id.is_in(pupil_ids))
        .all(db)
        .await?;
    let classes = class::Entity::find()
        .filter(class::Column::Id.is_in(class_ids))
        .all(db)
        .await?;
    let mut children: Vec<Child> = memberships
        .into_iter()
        .filter_map(|membership| {
            let p = pupils.iter().find(|p| p.id == membership.pupil_id)?;
            Some(Child {
                membership,
                name: crate::roster::display_name(p),
                class_name: membership
                    .class_id
                    .and_then(|id| classes.iter().find(|c| c.id == id))
                    .map(|c| c.name.clone()),
            })
        })
        .collect();
    children.sort_by(|a, b| a.name.cmp(&b.name));
    Ok(children)
}

/// The classes of the current year a member of staff is attached to.
async fn classes_of<C: ConnectionTrait>(
    db: &C,
    school_id: i32,
    staff_id: i32,
) -> Result<Vec<i32>, DbErr> {
    let Some(year) = crate::audience::resolve::current_year(db, school_id).await? else {
        return Ok(Vec::new());
    };
    let attached: Vec<i32> = class_staff::Entity::find()
        .filter(class_staff::Column::StaffId.eq(staff_id))
        .all(db)
        .await?
        .into_iter()
        .map(|row| row.class_id)
        .collect();
    let mut classes: Vec<i32> = class::Entity::find()
        .filter(class::Column::Id.is_in(attached))
        .filter(class::Column::AcademicYearId.eq(year.id))
        .all(db)
        .await?
        .into_iter()
        .map(|c| c.id)
        .collect();
    classes.sort_unstable();
    Ok(classes)
}
