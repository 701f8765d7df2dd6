//! Who sees what: masking operators, roles and policies, keys, and audited
//! reveal.
//!
//! A [`Policy`] maps role names to a [`Role`]: an [`Operator`] per kind and
//! a default, plus whether the role may reveal pseudonymised values. Four
//! roles are built in and can be overridden or extended from the JSON
//! configuration:
//!
//! | role | phone | e-mail | card | IBAN | national IDs | IP | custom | may reveal |
//! |---|---|---|---|---|---|---|---|---|
//! | `agent` | token | token | mask | mask | mask | mask | label | no |
//! | `supervisor` | mask | mask | mask | mask | mask | mask | mask | yes |
//! | `compliance` | keep | keep | mask | keep | keep | keep | keep | yes |
//! | `export` | hash | hash | remove | remove | remove | remove | label | no |
//!
//! An agent can tell customers apart (the same number gives the same token
//! in every message) without seeing any data; a supervisor sees the typed
//! masks and may reveal a token or FPE value for a callback, which is
//! audited; compliance sees values (cards stay masked, as PCI DSS asks);
//! exports for analytics get keyed hashes as join keys and nothing else.
//!
//! ```json
//! {
//!   "policy": {
//!     "default_role": "agent",
//!     "roles": {
//!       "agent": { "kinds": { "phone": "fpe" } },
//!       "bot": { "default": "label" },
//!       "cashier": { "default": "mask", "kinds": { "credit_card": { "op": "mask", "keep_last": 4, "char": "*" } } }
//!     }
//!   }
//! }
//! ```
//!
//! Each role may also set its own `min_confidence` (see
//! [`crate::MinConfidence`]): `export` masks weak evidence too (0.3), the
//! others use the scanner's threshold (0.5 by default):
//!
//! ```json
//! { "policy": { "roles": { "agent": { "min_confidence": 0.3 } } } }
//! ```
//!
//! A role given in the configuration replaces the operators it names and
//! keeps the rest from the built-in role of the same name, if any.

pub mod key;
pub mod mask;
pub mod operator;
pub mod reveal;

mod fpe;

/// The FF1 cipher for a key (used by reveal).
pub(crate) fn fpe_cipher(key: &Key) -> fpe::Ff1 {
    fpe::Ff1::new(key)
}

use std::collections::BTreeMap;

use serde::Deserialize;

pub use key::Key;
pub use operator::Operator;
pub use reveal::{AuditEvent, AuditSink, Outcome, RevealRequest, TokenVault};

use crate::error::Error;
use crate::finding::Kind;
use crate::MinConfidence;

/// What one role sees.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Role {
    /// The operator for kinds without their own entry.
    pub default: Operator,
    /// Operators by kind.
    pub kinds: BTreeMap<Kind, Operator>,
    /// Whether the role may reveal tokens and FPE values.
    pub can_reveal: bool,
    /// The role's own confidence threshold for redaction (`None`: the
    /// scanner's). The built-in `export` role is leak-averse:
    /// [`MinConfidence::LEAK_AVERSE`].
    pub min_confidence: Option<MinConfidence>,
}

impl Role {
    /// The operator for `kind`.
    pub fn operator(&self, kind: &Kind) -> &Operator {
        self.kinds.get(kind).unwrap_or(&self.default)
    }

    fn with(default: Operator, can_reveal: bool, kinds: &[(&[Kind], Operator)]) -> Role {
        let mut map = BTreeMap::new();
        for (list, op) in kinds {
            for kind in *list {
                map.insert(kind.clone(), op.clone());
            }
        }
        Role {
            default,
            kinds: map,
            can_reveal,
            min_confidence: None,
        }
    }
}

/// Role names to roles, and the role used when a caller names none.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Policy {
    roles: BTreeMap<String, Role>,
    default_role: Option<String>,
}

/// National IDs and other built-in kinds that are neither contact data nor
/// payment data.
fn identity_kinds() -> Vec<Kind> {
    Kind::BUILTIN
        .iter()
        .filter(|k| {
            !matches!(
                k,
                Kind::Phone | Kind::Email | Kind::CreditCard | Kind::Iban | Kind::IpAddress
            )
        })
        .cloned()
        .collect()
}

impl Default for Policy {
    /// The built-in roles; without a role, the typed default masks.
    fn default() -> Self {
        let ids = identity_kinds();
        let contact: &[Kind] = &[Kind::Phone, Kind::Email];
        let builtin = [Kind::CreditCard, Kind::Iban, Kind::IpAddress];
        let mut roles = BTreeMap::new();
        roles.insert(
            "agent".to_string(),
            Role::with(
                Operator::Label,
                false,
                &[
                    (contact, Operator::Token),
                    (&builtin, Operator::MASK),
                    (&ids, Operator::MASK),
                ],
            ),
        );
        roles.insert(
            "supervisor".to_string(),
            Role::with(Operator::MASK, true, &[]),
        );
        roles.insert(
            "compliance".to_string(),
            Role::with(
                Operator::Keep,
                true,
                &[(&[Kind::CreditCard], Operator::MASK)],
            ),
        );
        roles.insert(
            "export".to_string(),
            Role {
                min_confidence: Some(MinConfidence::LEAK_AVERSE),
                ..Role::with(
                    Operator::Label,
                    false,
                    &[
                        (contact, Operator::Hash),
                        (&builtin, Operator::Remove),
                        (&ids, Operator::Remove),
                    ],
                )
            },
        );
        Policy {
            roles,
            default_role: None,
        }
    }
}

impl Policy {
    /// The role named `name`.
    pub fn role(&self, name: &str) -> Result<&Role, Error> {
        self.roles
            .get(name)
            .ok_or_else(|| Error::UnknownRole(printable(name)))
    }

    /// The role used when a caller names none (`None`: the typed masks).
    pub fn default_role(&self) -> Option<&str> {
        self.default_role.as_deref()
    }

    /// The names of every role.
    pub fn role_names(&self) -> impl Iterator<Item = &str> {
        self.roles.keys().map(String::as_str)
    }

    /// Builds the policy from its configuration: the built-in roles, then
    /// each configured role merged over the built-in role of that name.
    pub(crate) fn from_config(
        config: &PolicyConfig,
        known: &dyn Fn(&Kind) -> bool,
    ) -> Result<Policy, Error> {
        let mut policy = Policy::default();
        for (name, rc) in &config.roles {
            let field = |rest: &str| format!("policy.roles.{name}{rest}");
            let mut role =
                policy
                    .roles
                    .remove(name)
                    .unwrap_or(Role::with(Operator::MASK, false, &[]));
            if let Some(op) = &rc.default {
                role.default = op.clone();
            }
            for (kind_name, op) in &rc.kinds {
                let kind = Kind::from_name(kind_name);
                if !known(&kind) {
                    return Err(Error::config(
                        field(&format!(".kinds.{kind_name}")),
                        "unknown kind",
                    ));
                }
                if !op.supports(&kind) {
                    return Err(Error::config(
                        field(&format!(".kinds.{kind_name}")),
                        format!("the {} operator does not apply to this kind", op.name()),
                    ));
                }
                role.kinds.insert(kind, op.clone());
            }
            if let Some(reveal) = rc.reveal {
                role.can_reveal = reveal;
            }
            if let Some(min) = rc.min_confidence {
                role.min_confidence = Some(min);
            }
            policy.roles.insert(name.clone(), role);
        }
        if let Some(default) = &config.default_role {
            if !policy.roles.contains_key(default) {
                return Err(Error::config("policy.default_role", "names no role"));
            }
            policy.default_role = Some(default.clone());
        }
        Ok(policy)
    }
}

/// The `policy` section of the configuration.
#[derive(Clone, Debug, Default, Deserialize, PartialEq, Eq)]
#[serde(deny_unknown_fields)]
pub struct PolicyConfig {
    /// The role used when a call names none.
    pub default_role: Option<String>,
    /// Roles by name.
    #[serde(default)]
    pub roles: BTreeMap<String, RoleConfig>,
}

/// One role in the configuration.
#[derive(Clone, Debug, Default, Deserialize, PartialEq, Eq)]
#[serde(deny_unknown_fields)]
pub struct RoleConfig {
    /// Operator for kinds not listed.
    pub default: Option<Operator>,
    /// Operators by kind name.
    #[serde(default)]
    pub kinds: BTreeMap<String, Operator>,
    /// Whether the role may reveal.
    pub reveal: Option<bool>,
    /// The role's own confidence threshold (`None`: keep the built-in
    /// role's, else the scanner's).
    pub min_confidence: Option<MinConfidence>,
}

/// Names from callers in error messages: short and printable only.
pub(crate) fn printable(name: &str) -> String {
    name.chars()
        .take(32)
        .map(|c| {
            if c.is_alphanumeric() || c == '_' || c == '-' {
                c
            } else {
                '?'
            }
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn builtin_roles() {
        let p = Policy::default();
        assert_eq!(
            p.role("agent").unwrap().operator(&Kind::Phone),
            &Operator::Token
        );
        assert_eq!(
            p.role("agent").unwrap().operator(&Kind::BrCpf),
            &Operator::MASK
        );
        assert_eq!(
            p.role("export").unwrap().operator(&Kind::Email),
            &Operator::Hash
        );
        assert_eq!(
            p.role("compliance").unwrap().operator(&Kind::CreditCard),
            &Operator::MASK
        );
        assert!(p.role("supervisor").unwrap().can_reveal && !p.role("agent").unwrap().can_reveal);
        assert_eq!(p.role("nobody"), Err(Error::UnknownRole("nobody".into())));
        assert_eq!(p.default_role(), None);
    }

    #[test]
    fn configured_roles_merge_over_builtin_ones() {
        let config: PolicyConfig = serde_json::from_str(
            r#"{"default_role":"bot","roles":{"agent":{"kinds":{"phone":"fpe"}},"bot":{"default":"label"}}}"#,
        )
        .unwrap();
        let p = Policy::from_config(&config, &|k| k.builtin_code().is_some()).unwrap();
        let agent = p.role("agent").unwrap();
        assert_eq!(agent.operator(&Kind::Phone), &Operator::Fpe { luhn: false });
        assert_eq!(agent.operator(&Kind::Email), &Operator::Token);
        assert_eq!(
            p.role("bot").unwrap().operator(&Kind::Iban),
            &Operator::Label
        );
        assert_eq!(p.default_role(), Some("bot"));
    }

    #[test]
    fn configuration_errors_name_the_field() {
        let known = |k: &Kind| k.builtin_code().is_some();
        let bad_kind: PolicyConfig =
            serde_json::from_str(r#"{"roles":{"x":{"kinds":{"fone":"keep"}}}}"#).unwrap();
        let err = Policy::from_config(&bad_kind, &known).unwrap_err();
        assert!(
            err.to_string().contains("policy.roles.x.kinds.fone"),
            "{err}"
        );
        let bad_op: PolicyConfig =
            serde_json::from_str(r#"{"roles":{"x":{"kinds":{"email":"fpe"}}}}"#).unwrap();
        assert!(Policy::from_config(&bad_op, &known)
            .unwrap_err()
            .to_string()
            .contains("does not apply"));
        let bad_default: PolicyConfig =
            serde_json::from_str(r#"{"default_role":"ghost"}"#).unwrap();
        assert!(Policy::from_config(&bad_default, &known)
            .unwrap_err()
            .to_string()
            .contains("default_role"));
        assert!(
            serde_json::from_str::<PolicyConfig>(r#"{"roles":{"x":{"defualt":"keep"}}}"#).is_err()
        );
    }
}
