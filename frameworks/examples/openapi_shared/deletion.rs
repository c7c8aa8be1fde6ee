//! What deleting a user can fail with, besides the users API's errors: three conflicts on one
//! status, which the document shows as three named examples.
#![allow(dead_code)] // only described

use http_status::HttpStatus;

/// Why a user cannot be deleted.
#[derive(Debug, thiserror::Error, HttpStatus)]
#[status(codes = "SCREAMING_SNAKE_CASE")]
pub enum DeletionError {
    /// The user still owns projects: transfer or delete them first.
    #[error("the user still owns {project_count} projects")]
    #[status(409)]
    OwnsProjects {
        #[status(extension)]
        project_count: u32,
    },

    /// The last administrator cannot be deleted.
    #[error("the last administrator cannot be deleted")]
    #[status(409)]
    LastAdministrator,

    /// The user is being deleted already; retry to see it gone.
    #[error("the user is being deleted")]
    #[status(409, header("Retry-After" = "5"))]
    DeletionPending,
}
