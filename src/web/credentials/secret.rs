//! Random secrets (API tokens, refresh tokens) and their stored form.

use argon2::password_hash::rand_core::{OsRng, RngCore};
use base64::Engine;
use sha2::{Digest, Sha256};

/// 32 random bytes, base64url, with a prefix that says what the secret is (`shk_…`, `shr_…`).
pub fn generate(prefix: &str) -> String {
    let mut bytes = [0u8; 32];
    OsRng.fill_bytes(&mut bytes);
    format!("{prefix}{}", base64::engine::general_purpose::URL_SAFE_NO_PAD.encode(bytes))
}

/// What is stored instead of the secret: its SHA-256, hex. The secrets are random, so a fast
/// hash is enough (unlike passwords).
pub fn digest(secret: &str) -> String {
    Sha256::digest(secret.as_bytes()).iter().map(|b| format!("{b:02x}")).collect()
}

pub const API_TOKEN_PREFIX: &str = "shk_";
pub const REFRESH_TOKEN_PREFIX: &str = "shr_";

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn secrets_are_random_and_digests_stable() {
        let a = generate(API_TOKEN_PREFIX);
        let b = generate(API_TOKEN_PREFIX);
        assert_ne!(a, b);
        assert!(a.starts_with("shk_") && a.len() == 4 + 43);
        assert_eq!(digest(&a), digest(&a));
        assert_eq!(digest("abc"), "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad");
    }
}
