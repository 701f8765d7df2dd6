//! Deterministic chat-like text for the benches: no files, no randomness
//! from outside, the same bytes on every run.

/// A tiny deterministic generator (xorshift), enough to vary templates.
pub struct Rng(u64);

impl Rng {
    pub fn new(seed: u64) -> Rng {
        Rng(seed.max(1))
    }
    pub fn next_u64(&mut self) -> u64 {
        self.0 ^= self.0 << 13;
        self.0 ^= self.0 >> 7;
        self.0 ^= self.0 << 17;
        self.0
    }
    pub fn pick<'a>(&mut self, items: &[&'a str]) -> &'a str {
        items[(self.next_u64() % items.len() as u64) as usize]
    }
    pub fn digits(&mut self, n: usize) -> String {
        (0..n)
            .map(|_| char::from(b'0' + (self.next_u64() % 10) as u8))
            .collect()
    }
}

const PROSE: &[&str] = &[
    "Hello there, I wanted to ask about the blue shirt you showed me yesterday.",
    "Is it still available in medium size? My sister wants one too.",
    "Thanks a lot, have a nice day! 😊",
    "Olá, tudo bem? Vocês entregam no sábado de manhã?",
    "Hola, ¿me puedes mandar el catálogo nuevo por favor?",
    "Bonjour, je voudrais savoir si la commande est partie.",
    "नमस्ते, क्या यह रंग अभी उपलब्ध है?",
    "Merhaba, kargo ne zaman gelir acaba?",
    "Ok perfect, I will pay when it arrives.",
    "Can you check with the warehouse and let me know?",
];

const NOISE: &[&str] = &[
    "Your order #{8} has been shipped.",
    "Total: ₹{4} incl. GST",
    "Delivery on 12/03/2024 between 10:30 and 14:00.",
    "OTP is {6}, valid for 10 min",
    "Tracking AWB {12}",
    "Price R$ 2.350,00 em 3x",
    "Invoice INV-2024-{5} attached",
    "Buy 2 x 500g for $19.99 (save 15%)",
    "pedido {9} confirmado",
    "Update the app to v2.3.14 please",
];

const PII: &[&str] = &[
    "Call me on +91 98765 43210 after 6.",
    "My WhatsApp: wa.me/5511961234567",
    "pls call 020 7946 0958",
    "email me at priya.sharma+shop@example.in",
    "ligue (11) 96123-4567 amanhã",
    "my number 0049 30 1234567",
    "contact: 919812345678@s.whatsapp.net",
    "write to Ana.Lopez@correo.es thanks",
    "+1 (415) 555-2671 is my office",
    "número +52 55 1234 5678",
];

fn fill(template: &str, rng: &mut Rng) -> String {
    let mut out = String::new();
    let mut rest = template;
    while let Some(open) = rest.find('{') {
        out.push_str(&rest[..open]);
        let close = open + rest[open..].find('}').unwrap();
        let n: usize = rest[open + 1..close].parse().unwrap();
        out.push_str(&rng.digits(n));
        rest = &rest[close + 1..];
    }
    out.push_str(rest);
    out
}

/// Messages of about 110 bytes built from `pools`, each pool picked with
/// the given weight out of 100.
fn messages(seed: u64, total_bytes: usize, pools: &[(&[&str], u64)]) -> Vec<String> {
    let mut rng = Rng::new(seed);
    let mut out = Vec::new();
    let mut size = 0;
    while size < total_bytes {
        let mut msg = String::new();
        while msg.len() < 90 {
            let mut roll = rng.next_u64() % 100;
            let pool = pools
                .iter()
                .find(|(_, w)| {
                    let hit = roll < *w;
                    roll = roll.saturating_sub(*w);
                    hit
                })
                .map_or(PROSE, |(p, _)| *p);
            if !msg.is_empty() {
                msg.push(' ');
            }
            msg.push_str(&fill(rng.pick(pool), &mut rng));
        }
        size += msg.len();
        out.push(msg);
    }
    out
}

/// (a) prose without a single digit or `@`.
pub fn prose(total: usize) -> Vec<String> {
    let prose: Vec<&str> = PROSE.to_vec();
    messages(1, total, &[(&prose, 100)])
}

/// (b) chat with numbers (dates, prices, orders, OTPs) but no personal data.
pub fn numbers_no_pii(total: usize) -> Vec<String> {
    messages(2, total, &[(NOISE, 50)])
}

/// (c) realistic chat: about one finding per 100–200 bytes.
pub fn realistic(total: usize) -> Vec<String> {
    messages(3, total, &[(PII, 22), (NOISE, 30)])
}

/// (d) personal data in almost every sentence.
pub fn dense(total: usize) -> Vec<String> {
    messages(4, total, &[(PII, 80), (NOISE, 15)])
}
