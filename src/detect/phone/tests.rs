use crate::{Kind, Region, Scanner};

fn phones(region: &str, text: &str) -> Vec<String> {
    let scanner = Scanner::builder().kinds([Kind::Phone]).build().unwrap();
    scanner
        .scan_in(text, Region::new(region).unwrap())
        .iter()
        .map(|f| format!("{}={}", &text[f.range()], f.normalized))
        .collect()
}

#[test]
fn smoke() {
    assert_eq!(
        phones("IN", "call +91 98765 43210 now"),
        ["+91 98765 43210=+919876543210"]
    );
}
