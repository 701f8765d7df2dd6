//! One mailbox, many spellings: the address under which the guard also owns
//! and looks up an e-mail address.
//!
//! Mail services deliver several spellings of an address to one mailbox.
//! Nearly all of them, and most company mail servers, read what follows a
//! `+` in the name as a subaddress of the same mailbox (RFC 5233:
//! `ravi+shop@gmail.com` reaches `ravi@gmail.com`); Gmail also ignores the
//! dots in the name (`r.a.vi@gmail.com`) and takes its old domain,
//! `googlemail.com`, for `gmail.com`. An agent who writes a customer's
//! address another of those ways still hands out the customer's mailbox, and
//! it is the easiest way round a guard that compares addresses as written.
//! So a conversation owns an address under its mailbox too, and an outbound
//! address is looked up under its mailbox too.
//!
//! The mailbox is itself an address of that mailbox, so it shares the
//! e-mail fingerprints' namespace: `ravikumar@gmail.com` written by one
//! customer and `ravi.kumar@gmail.com` by another are one mailbox, and the
//! guard links them. Dots are dropped at Gmail only: elsewhere
//! (`ravi.kumar@yahoo.com`, company domains, Google Workspace among them)
//! a dot makes another mailbox. Yahoo's disposable addresses
//! (`name-keyword@yahoo.com`) name a mailbox nothing in the address gives,
//! and are left as written.

/// The mailbox `address` (a finding's normalized e-mail address) delivers
/// to, in lower case, when it differs from the address in lower case: the
/// subaddress after a `+` dropped, and at Gmail the dots of the name and
/// the domain `googlemail.com`. `None` when the address is its own mailbox,
/// or has no name left without its subaddress.
pub(crate) fn mailbox(address: &str) -> Option<String> {
    let lower = address.to_lowercase();
    let (name, domain) = lower.rsplit_once('@')?;
    let domain = match domain {
        "googlemail.com" => "gmail.com",
        other => other,
    };
    // A `+` that opens the name is the name's own, not a subaddress.
    let name = match name.find('+') {
        Some(plus) if plus > 0 => &name[..plus],
        _ => name,
    };
    let name: std::borrow::Cow<'_, str> = if domain == "gmail.com" {
        name.replace('.', "").into()
    } else {
        name.into()
    };
    if name.is_empty() {
        return None;
    }
    let mailbox = format!("{name}@{domain}");
    (mailbox != lower).then_some(mailbox)
}

#[cfg(test)]
mod tests {
    use super::mailbox;

    #[test]
    fn subaddresses_are_dropped_everywhere() {
        // RFC 5233's separator, as Gmail, Outlook.com, iCloud, Fastmail,
        // Proton and Postfix's `recipient_delimiter = +` read it.
        assert_eq!(
            mailbox("ravi+shop@outlook.com").as_deref(),
            Some("ravi@outlook.com")
        );
        assert_eq!(
            mailbox("Sales+India@Acme.in").as_deref(),
            Some("sales@acme.in")
        );
        assert_eq!(mailbox("a+b+c@icloud.com").as_deref(), Some("a@icloud.com"));
        assert_eq!(
            mailbox("ravi+@fastmail.com").as_deref(),
            Some("ravi@fastmail.com")
        );
    }

    #[test]
    fn gmail_drops_the_dots_and_reads_googlemail_as_gmail() {
        assert_eq!(
            mailbox("ravi.kumar@gmail.com").as_deref(),
            Some("ravikumar@gmail.com")
        );
        assert_eq!(
            mailbox("R.a.V.i@GMail.com").as_deref(),
            Some("ravi@gmail.com")
        );
        assert_eq!(
            mailbox("ravikumar@googlemail.com").as_deref(),
            Some("ravikumar@gmail.com")
        );
        assert_eq!(
            mailbox("ravi.kumar+deals@googlemail.com").as_deref(),
            Some("ravikumar@gmail.com")
        );
    }

    #[test]
    fn an_address_that_is_its_own_mailbox_has_none() {
        for own in [
            "ravikumar@gmail.com",
            "RaviKumar@Gmail.com",
            // Dots make another mailbox outside Gmail, Google Workspace
            // domains included.
            "ravi.kumar@yahoo.com",
            "ravi.kumar@acme.co.in",
            // Yahoo's disposable addresses are other names.
            "ravi-shop@yahoo.com",
            // A `+` opening the name is no subaddress.
            "+ravi@example.com",
        ] {
            assert_eq!(mailbox(own), None, "{own}");
        }
    }

    #[test]
    fn no_name_left_is_no_mailbox() {
        assert_eq!(mailbox("...@gmail.com"), None);
        assert_eq!(mailbox(".+x@gmail.com"), None);
        assert_eq!(mailbox("no-at-sign"), None);
    }
}
