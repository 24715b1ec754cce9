//! Exit codes, the error kinds the edge tells apart, and errors in the interface language.

use crate::lang::{Lang, Say};

/// How `newborn` exits.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum ExitCode {
    Success = 0,
    /// Anything that is not the command line's fault: files, playbooks, state.
    Failure = 1,
    /// Bad options or values on the command line.
    Usage = 2,
    /// Stopped by the parent (Ctrl-C at a question): 128 + SIGINT, as shells report it.
    Interrupted = 130,
}

impl From<ExitCode> for std::process::ExitCode {
    fn from(code: ExitCode) -> Self {
        std::process::ExitCode::from(code as u8)
    }
}

/// A bad option or value: the message (already in the interface language) says what was wrong
/// and what is allowed.
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

/// Whether the error is a write to a closed pipe (`newborn plan | head -1`): not a failure.
pub(crate) fn is_broken_pipe(error: &anyhow::Error) -> bool {
    error.chain().any(|cause| {
        cause
            .downcast_ref::<std::io::Error>()
            .is_some_and(|e| e.kind() == std::io::ErrorKind::BrokenPipe)
    })
}

/// The error and its causes in the interface language, `outer: inner`. The errors newborn
/// defines speak both languages; an error that includes its cause ends the chain.
pub(crate) fn render(error: &anyhow::Error, lang: Lang) -> String {
    let mut parts = Vec::new();
    for cause in error.chain() {
        if let Some((text, complete)) = say_known(cause, lang) {
            parts.push(text);
            if complete {
                break;
            }
        } else {
            parts.push(cause.to_string());
        }
    }
    parts.join(lang.pick("：", ": "))
}

/// A known error in `lang`; `true` when the text already includes the error's causes.
fn say_known(cause: &(dyn std::error::Error + 'static), lang: Lang) -> Option<(String, bool)> {
    if let Some(e) = cause.downcast_ref::<crate::facts::FactError>() {
        return Some((e.say(lang), true));
    }
    if let Some(e) = cause.downcast_ref::<crate::registry::LoadError>() {
        return Some((e.say(lang), true));
    }
    if let Some(e) = cause.downcast_ref::<crate::store::StoreError>() {
        return Some((e.say(lang), true));
    }
    if let Some(e) = cause.downcast_ref::<crate::calendar::CalendarError>() {
        return Some((calendar_error(e, lang), true));
    }
    if let Some(e) = cause.downcast_ref::<std::io::Error>() {
        return Some((io_error(e, lang), true));
    }
    None
}

/// An operating-system error in the interface language.
pub(crate) fn io_error(e: &std::io::Error, lang: Lang) -> String {
    use std::io::ErrorKind as K;
    if lang == Lang::En {
        return e.to_string();
    }
    let zh = match e.kind() {
        K::NotFound => "没有这个文件或文件夹",
        K::PermissionDenied => "没有权限",
        K::AlreadyExists => "已经存在",
        K::IsADirectory => "这是一个文件夹，不是文件",
        K::NotADirectory => "路径中有一项不是文件夹",
        K::ReadOnlyFilesystem => "文件系统是只读的",
        K::StorageFull => "磁盘已满",
        K::InvalidData => "内容不是 UTF-8 文本",
        K::ResourceBusy => "正在被使用",
        K::DirectoryNotEmpty => "文件夹不是空的",
        K::CrossesDevices => "不能跨磁盘移动",
        K::InvalidFilename => "文件名不能用",
        _ => return e.to_string(),
    };
    zh.to_string()
}

fn calendar_error(e: &crate::calendar::CalendarError, lang: Lang) -> String {
    use crate::calendar::CalendarError as E;
    match (e, lang) {
        (_, Lang::En) => e.to_string(),
        (E::Read { path, source }, _) => {
            let (path, why) = (path.display(), io_error(source, lang));
            format!("读不了节假日安排文件 {path}：{why}")
        }
        (E::Format { path, message }, _) => {
            let path = path.display();
            format!(
                "{path} 不是 holiday-cn 格式的节假日安排（{message}）；应当像 {{\"year\": 2027, \"days\": [{{\"name\": \"元旦\", \"date\": \"2027-01-01\", \"isOffDay\": true}}]}}"
            )
        }
        (E::Empty { path, year }, _) => {
            let path = path.display();
            format!("{path}：{year} 年的安排里一天也没有；空的安排分不清是没有假日还是还没公布")
        }
    }
}
