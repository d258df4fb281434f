//! Access tokens: short-lived JWTs, one algorithm pinned by configuration, with `sub`, `role`,
//! `iat`, `nbf`, `exp`, `iss`, `aud` and `jti` — all required and checked.

use jsonwebtoken::{decode, encode, Algorithm, DecodingKey, EncodingKey, Header, Validation};
use serde::{Deserialize, Serialize};
use uuid::Uuid;

#[derive(Debug, Clone, Serialize, Deserialize)]
pub struct Claims {
    /// The user's id.
    pub sub: String,
    pub role: String,
    pub iat: i64,
    pub nbf: i64,
    pub exp: i64,
    pub iss: String,
    pub aud: String,
    pub jti: String,
}

pub struct Keys {
    algorithm: Algorithm,
    encoding: EncodingKey,
    decoding: DecodingKey,
    validation: Validation,
    pub issuer: String,
    pub audience: String,
    pub ttl_seconds: i64,
}

/// The HMAC algorithms a shared secret can pin.
pub fn parse_algorithm(name: &str) -> Result<Algorithm, String> {
    match name {
        "HS256" => Ok(Algorithm::HS256),
        "HS384" => Ok(Algorithm::HS384),
        "HS512" => Ok(Algorithm::HS512),
        other => Err(format!("SHINCHOKU_JWT_ALGORITHM must be HS256, HS384 or HS512, not {other}")),
    }
}

impl Keys {
    pub fn hmac(algorithm: Algorithm, secret: &[u8], issuer: &str, audience: &str, ttl_seconds: i64) -> Keys {
        let mut validation = Validation::new(algorithm);
        validation.set_issuer(&[issuer]);
        validation.set_audience(&[audience]);
        validation.set_required_spec_claims(&["sub", "iat", "nbf", "exp", "iss", "aud"]);
        validation.validate_nbf = true;
        validation.leeway = 30;
        Keys {
            algorithm,
            encoding: EncodingKey::from_secret(secret),
            decoding: DecodingKey::from_secret(secret),
            validation,
            issuer: issuer.to_string(),
            audience: audience.to_string(),
            ttl_seconds,
        }
    }

    /// A signed access token for the user, and its lifetime in seconds.
    pub fn issue(&self, user_id: Uuid, role: &str) -> Result<(String, i64), String> {
        self.issue_after(user_id, role, 0)
    }

    /// A token issued after the user's sessions were last ended (`valid_after`, Unix seconds):
    /// its `iat` is later than that instant even within the same second, so it is accepted while
    /// every token issued before stays refused.
    pub fn issue_after(&self, user_id: Uuid, role: &str, valid_after: i64) -> Result<(String, i64), String> {
        let now = chrono::Utc::now().timestamp().max(valid_after + 1);
        let claims = Claims {
            sub: user_id.to_string(),
            role: role.to_string(),
            iat: now,
            nbf: now,
            exp: now + self.ttl_seconds,
            iss: self.issuer.clone(),
            aud: self.audience.clone(),
            jti: Uuid::new_v4().to_string(),
        };
        let token = encode(&Header::new(self.algorithm), &claims, &self.encoding).map_err(|e| e.to_string())?;
        Ok((token, self.ttl_seconds))
    }

    /// Checks signature, algorithm and every claim; the error says why in words a client can act on.
    pub fn verify(&self, token: &str) -> Result<Claims, String> {
        use jsonwebtoken::errors::ErrorKind;
        decode::<Claims>(token, &self.decoding, &self.validation).map(|d| d.claims).map_err(|e| match e.kind() {
            ErrorKind::ExpiredSignature => "the access token has expired".to_string(),
            ErrorKind::ImmatureSignature => "the access token is not valid yet".to_string(),
            ErrorKind::InvalidAudience => "the access token is for another audience".to_string(),
            ErrorKind::InvalidIssuer => "the access token is from another issuer".to_string(),
            ErrorKind::InvalidAlgorithm => "the access token is signed with another algorithm".to_string(),
            ErrorKind::InvalidSignature => "the access token's signature is invalid".to_string(),
            ErrorKind::MissingRequiredClaim(c) => format!("the access token lacks the {c} claim"),
            _ => "the access token is malformed".to_string(),
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn issued_tokens_verify_and_foreign_ones_do_not() {
        let keys = Keys::hmac(Algorithm::HS256, b"0123456789abcdef0123456789abcdef", "shinchoku", "shinchoku-api", 900);
        let id = Uuid::new_v4();
        let (token, ttl) = keys.issue(id, "admin").unwrap();
        assert_eq!(ttl, 900);
        let claims = keys.verify(&token).unwrap();
        assert_eq!(claims.sub, id.to_string());
        let other =
            Keys::hmac(Algorithm::HS256, b"another secret of thirty-two bytes!", "shinchoku", "shinchoku-api", 900);
        assert!(other.verify(&token).unwrap_err().contains("signature"));
        let other_aud = Keys::hmac(Algorithm::HS256, b"0123456789abcdef0123456789abcdef", "shinchoku", "portal", 900);
        assert!(other_aud.verify(&token).unwrap_err().contains("audience"));
    }
}
