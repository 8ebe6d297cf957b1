//! `localStorage`, quietly: private modes, quotas and disabled storage make every call
//! here a no-op rather than an error, because losing draft persistence must never stop
//! a reader from commenting.

use wasm_bindgen::JsCast;

fn storage() -> Option<web_sys::Storage> {
    super::window().ok()?.local_storage().ok().flatten()
}

/// The stored value, if storage works and has one.
pub fn get(key: &str) -> Option<String> {
    storage()?.unchecked_ref::<super::Strings>().item_value(key).ok()?.as_string()
}

/// Stores a value; ignored when storage is unavailable or full.
pub fn set(key: &str, value: &str) {
    if let Some(s) = storage() {
        let _ = s.set_item(key, value);
    }
}

/// Removes a value; ignored when storage is unavailable.
pub fn remove(key: &str) {
    if let Some(s) = storage() {
        let _ = s.remove_item(key);
    }
}
