//! Exit codes, and the one error kind the edge needs to tell apart.

/// How `newborn` exits.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum ExitCode {
    Success = 0,
    /// Anything that is not the command line's fault: files, playbooks, state.
    Failure = 1,
    /// Bad options or values on the command line.
    Usage = 2,
}

impl From<ExitCode> for std::process::ExitCode {
    fn from(code: ExitCode) -> Self {
        std::process::ExitCode::from(code as u8)
    }
}

/// A bad option or value: the message says what was wrong and what is allowed.
#[derive(Debug, thiserror::Error)]
#[error("{0}")]
pub(crate) struct UsageError(pub String);

/// Shorthand for a usage error inside `anyhow`.
pub(crate) fn usage(message: impl Into<String>) -> anyhow::Error {
    UsageError(message.into()).into()
}

/// The exit code an error deserves.
pub(crate) fn exit_code(error: &anyhow::Error) -> ExitCode {
    if error.downcast_ref::<UsageError>().is_some() {
        return ExitCode::Usage;
    }
    match error.downcast_ref::<crate::registry::LoadError>() {
        Some(crate::registry::LoadError::UnknownRegion { .. }) => ExitCode::Usage,
        _ => match error.downcast_ref::<crate::store::StoreError>() {
            Some(
                crate::store::StoreError::UnknownBaby { .. }
                | crate::store::StoreError::WhichBaby { .. }
                | crate::store::StoreError::BadName(_),
            ) => ExitCode::Usage,
            _ => match error.downcast_ref::<crate::facts::FactError>() {
                Some(_) => ExitCode::Usage,
                None => ExitCode::Failure,
            },
        },
    }
}
