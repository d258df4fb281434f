//! Entity tags of compressed responses. A gzip- or brotli-coded body is another representation
//! than the plain one, so its strong tag must differ (RFC 9110, 8.8.1 and 8.8.3): the tag of a
//! coded body gets the coding as a suffix (`"3"` → `"3-gzip"`), as Apache's mod_deflate does.
//! Conditional requests (`If-None-Match`, `If-Match`) are read with the suffix taken off again,
//! so handlers compare against the tags they made, and a client revalidating a coded copy gets
//! its `304` with the tag it holds. Pure header work; the coding itself is actix-web's `Compress`.

use actix_web::http::header::{self, HeaderMap, HeaderValue};
use actix_web::http::StatusCode;

/// The codings `Compress` may choose.
const CODINGS: [&str; 4] = ["br", "gzip", "deflate", "zstd"];

/// Takes the coding suffix off every tag of `If-None-Match` and `If-Match`; returns the coding
/// named in `If-None-Match`, if any (the representation the client holds).
pub fn strip(headers: &mut HeaderMap) -> Option<&'static str> {
    let mut held = None;
    for name in [header::IF_NONE_MATCH, header::IF_MATCH] {
        let values: Vec<HeaderValue> = headers.get_all(&name).cloned().collect();
        if !values.iter().any(|v| v.to_str().is_ok_and(|t| CODINGS.iter().any(|c| t.contains(&format!("-{c}\""))))) {
            continue;
        }
        headers.remove(&name);
        for value in values {
            let mut text = value.to_str().unwrap_or_default().to_string();
            for coding in CODINGS {
                let suffix = format!("-{coding}\"");
                if text.contains(&suffix) {
                    text = text.replace(&suffix, "\"");
                    if name == header::IF_NONE_MATCH {
                        held.get_or_insert(coding);
                    }
                }
            }
            headers.append(name.clone(), HeaderValue::from_str(&text).unwrap_or(value));
        }
    }
    held
}

/// Marks the response's tag with the coding its body went out in (on a `304`, the coding of the
/// copy the client holds), and says that responses vary by `Accept-Encoding`.
pub fn tag(headers: &mut HeaderMap, status: StatusCode, held: Option<&'static str>) {
    let Some(etag) = headers.get(header::ETAG).and_then(|v| v.to_str().ok()).map(String::from) else { return };
    let vary = headers
        .get_all(header::VARY)
        .any(|v| v.to_str().is_ok_and(|v| v.to_ascii_lowercase().contains("accept-encoding")));
    if !vary {
        headers.append(header::VARY, HeaderValue::from_static("accept-encoding"));
    }
    let coding = if status == StatusCode::NOT_MODIFIED {
        held
    } else {
        let sent = headers.get(header::CONTENT_ENCODING).and_then(|v| v.to_str().ok());
        sent.and_then(|sent| CODINGS.iter().copied().find(|c| sent.eq_ignore_ascii_case(c)))
    };
    let (Some(coding), Some(open)) = (coding, etag.strip_suffix('"')) else { return };
    if let Ok(value) = HeaderValue::from_str(&format!("{open}-{coding}\"")) {
        headers.insert(header::ETAG, value);
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use actix_web::http::header::HeaderName;

    fn map(pairs: &[(HeaderName, &str)]) -> HeaderMap {
        let mut h = HeaderMap::new();
        for (n, v) in pairs {
            h.append(n.clone(), HeaderValue::from_str(v).unwrap());
        }
        h
    }

    #[test]
    fn coded_bodies_get_their_own_tag() {
        let mut h = map(&[(header::ETAG, "\"ab12\""), (header::CONTENT_ENCODING, "gzip")]);
        tag(&mut h, StatusCode::OK, None);
        assert_eq!(h.get(header::ETAG).unwrap(), "\"ab12-gzip\"");
        assert_eq!(h.get(header::VARY).unwrap(), "accept-encoding");
        let mut plain = map(&[(header::ETAG, "W/\"7\"")]);
        tag(&mut plain, StatusCode::OK, None);
        assert_eq!(plain.get(header::ETAG).unwrap(), "W/\"7\"");
    }

    #[test]
    fn conditions_are_read_without_the_suffix_and_a_304_keeps_it() {
        let mut req = map(&[(header::IF_NONE_MATCH, "\"ab12-br\", \"cd34\""), (header::IF_MATCH, "\"3-gzip\"")]);
        assert_eq!(strip(&mut req), Some("br"));
        assert_eq!(req.get(header::IF_NONE_MATCH).unwrap(), "\"ab12\", \"cd34\"");
        assert_eq!(req.get(header::IF_MATCH).unwrap(), "\"3\"");
        let mut res = map(&[(header::ETAG, "\"ab12\"")]);
        tag(&mut res, StatusCode::NOT_MODIFIED, Some("br"));
        assert_eq!(res.get(header::ETAG).unwrap(), "\"ab12-br\"");
        let mut untouched = map(&[(header::IF_MATCH, "\"3\"")]);
        assert_eq!(strip(&mut untouched), None);
        assert_eq!(untouched.get(header::IF_MATCH).unwrap(), "\"3\"");
    }
}
