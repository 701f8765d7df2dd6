//! Context words: the keywords that tell what a bare number is.
//!
//! A checksum says a digit string *could* be a Polish PESEL; it cannot say
//! that the 11 digits in a chat message *are* one: one in ten random digit
//! strings passes a mod-10 check, and chat text is full of order numbers,
//! tracking codes and amounts. People who share an identifier usually name
//! it ("my CPF is …", "आधार: …", "身份证号码：…"), so detectors of weakly
//! structured values ask this module which identifier words stand just
//! before the value, and whether the nearest word says the number is
//! something else (an order, an invoice, a one-time code).
//!
//! One Aho-Corasick automaton over every word of every kind is built once
//! per process (ASCII-case-insensitive) and searched only in a short window
//! before a candidate that already passed its checksum, so the cost falls
//! on the rare text that holds a valid-looking value.
//!
//! The window is the same line (a `\n` or `\r` written as text, as in
//! double-escaped logs, ends a line too; `\t` so written is white space),
//! at most [`WINDOW_CHARS`] characters back,
//! and stops at the previous digit (a keyword describes the number right
//! after it: in "SSN 123-45-6789 and 987654321" the second number has no
//! keyword) and at sentence punctuation other than `.` and `:` (which occur
//! inside keywords like `C.F.` and `n°:`).

use once_cell::sync::Lazy;

use super::overlapping::Words;
use crate::finding::Kind;
use crate::text::{
    char_at, char_before, digit_value, escape_ends_at, escape_starts_at, is_alphabetic,
    is_alphanumeric, is_latin_letter, token_rest_end,
};

/// How far back keywords are looked for, in characters.
pub(crate) const WINDOW_CHARS: usize = 48;

/// A set of built-in kinds, one bit per built-in code (all codes are below
/// 255; the top bit is [`IDENTITY`]'s). Four words: a `u128` held the
/// first 127 kinds, and the kinds of more markets went past them.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub(crate) struct KindSet([u64; 4]);

impl KindSet {
    /// No kind.
    pub(crate) const EMPTY: KindSet = KindSet([0; 4]);
    /// The highest code a bit is kept for.
    const MAX_CODE: u32 = 254;

    /// The set of the kind with this built-in code alone.
    const fn of_code(code: u32) -> KindSet {
        let mut words = [0; 4];
        words[(code / 64) as usize] = 1 << (code % 64);
        KindSet(words)
    }

    /// Whether the set holds no kind.
    pub(crate) fn is_empty(self) -> bool {
        self == KindSet::EMPTY
    }

    /// Whether the set holds `kind` (never a custom kind).
    #[inline]
    pub(crate) fn contains(&self, kind: &Kind) -> bool {
        match kind.builtin_code() {
            Some(code) if code <= KindSet::MAX_CODE => {
                self.0[(code / 64) as usize] >> (code % 64) & 1 == 1
            }
            _ => false,
        }
    }
}

impl std::ops::BitOr for KindSet {
    type Output = KindSet;
    fn bitor(self, other: KindSet) -> KindSet {
        KindSet(std::array::from_fn(|i| self.0[i] | other.0[i]))
    }
}

impl std::ops::BitOrAssign for KindSet {
    fn bitor_assign(&mut self, other: KindSet) {
        *self = *self | other;
    }
}

impl std::ops::BitAnd for KindSet {
    type Output = KindSet;
    fn bitand(self, other: KindSet) -> KindSet {
        KindSet(std::array::from_fn(|i| self.0[i] & other.0[i]))
    }
}

impl std::ops::Not for KindSet {
    type Output = KindSet;
    fn not(self) -> KindSet {
        KindSet(self.0.map(|w| !w))
    }
}

/// The bit of a built-in kind (none for custom kinds).
pub(crate) fn bit(kind: &Kind) -> KindSet {
    match kind.builtin_code() {
        Some(code) if code <= KindSet::MAX_CODE => KindSet::of_code(code),
        _ => KindSet::EMPTY,
    }
}

/// Words for "an identity document number" without naming one ("for KYC:",
/// "national ID"): they support the identifiers of the scan's region only.
pub(crate) const IDENTITY: KindSet = KindSet::of_code(KindSet::MAX_CODE + 1);

/// The identifiers: codes 10 and up (a card word inside "ID card" does not
/// count), without the generic identity words' bit.
const IDENTIFIERS: KindSet = KindSet([
    !0x3ff & !IDENTITY.0[0],
    !IDENTITY.0[1],
    !IDENTITY.0[2],
    !IDENTITY.0[3],
]);

/// What the window before a candidate says.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub(crate) struct Around {
    /// Kinds named by a keyword in the window.
    pub kinds: KindSet,
    /// The nearest keyword says "not personal data" (order, invoice, OTP …).
    pub vetoed: bool,
    /// When the nearest word vetoes: the kinds named by keywords before
    /// that word (`CPF do pedido: …`, `aadhaar for the booking …`), where
    /// the veto word says what the identifier is for, not what the number
    /// is.
    pub named_before_veto: KindSet,
}

impl Around {
    /// Whether a keyword of `kind` stands in the window.
    pub(crate) fn names(&self, kind: &Kind) -> bool {
        self.kinds.contains(kind)
    }

    /// Whether a keyword of `kind` stands before the veto word nearest the
    /// value (see [`Around::named_before_veto`]).
    pub(crate) fn named_before_veto(&self, kind: &Kind) -> bool {
        self.named_before_veto.contains(kind)
    }

    /// Whether a generic identity word ("KYC", "national ID") stands in the
    /// window.
    pub(crate) fn names_identity(&self) -> bool {
        !(self.kinds & IDENTITY).is_empty()
    }

    /// Whether the window names an identifier other than `kind` ("for KYC:
    /// BVN number …" names the BVN, not every Nigerian identifier): then a
    /// generic identity word speaks for that one only. Codes 10 and up are
    /// the identifiers (a card word inside "ID card" does not count).
    pub(crate) fn names_another_identifier(&self, kind: &Kind) -> bool {
        !(self.kinds & IDENTIFIERS & !bit(kind)).is_empty()
    }
}

/// How a keyword must appear to count.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Case {
    /// Any ASCII case.
    Any,
    /// All upper case: `SIN`, `PAN`, `NAS` are also everyday words
    /// (Spanish "sin", "pan"; Portuguese "nas") in lower case.
    Upper,
    /// Any case, and the word may go on: German, Dutch and Nordic write
    /// compounds (`Bestellnummer`, `bestelnummer`, `ordernr`), so the veto
    /// stems match at a word start only.
    Stem,
}

use Kind::*;

/// Identifier words, with the kinds each one names. Lower case here; the
/// automaton ignores ASCII case.
static KEYWORDS: &[(&str, Case, &[Kind])] = &[
    // Payment cards.
    ("card", Case::Any, &[CreditCard]),
    ("card no", Case::Any, &[CreditCard]),
    ("credit card", Case::Any, &[CreditCard]),
    ("debit card", Case::Any, &[CreditCard]),
    ("cc", Case::Upper, &[CreditCard, CoCedula, PtCc]),
    ("visa", Case::Any, &[CreditCard]),
    ("mastercard", Case::Any, &[CreditCard]),
    ("amex", Case::Any, &[CreditCard]),
    ("rupay", Case::Any, &[CreditCard]),
    ("maestro", Case::Any, &[CreditCard]),
    ("tarjeta", Case::Any, &[CreditCard]),
    ("cartão", Case::Any, &[CreditCard]),
    ("cartao", Case::Any, &[CreditCard]),
    ("carte", Case::Any, &[CreditCard]),
    ("carta", Case::Any, &[CreditCard]),
    ("karte", Case::Any, &[CreditCard]),
    ("kart", Case::Any, &[CreditCard]),
    ("kartu", Case::Any, &[CreditCard]),
    ("karta", Case::Any, &[CreditCard]),
    ("карта", Case::Any, &[CreditCard]),
    ("卡号", Case::Any, &[CreditCard]),
    ("카드", Case::Any, &[CreditCard]),
    ("カード", Case::Any, &[CreditCard]),
    ("paid with", Case::Any, &[CreditCard]),
    ("pagué con", Case::Any, &[CreditCard]),
    ("pagado con", Case::Any, &[CreditCard]),
    ("paguei com", Case::Any, &[CreditCard]),
    ("pago com", Case::Any, &[CreditCard]),
    ("payé avec", Case::Any, &[CreditCard]),
    ("bezahlt mit", Case::Any, &[CreditCard]),
    ("bayar pakai", Case::Any, &[CreditCard]),
    ("bayar dengan", Case::Any, &[CreditCard]),
    ("uatp", Case::Any, &[CreditCard]),
    // Any identity document.
    ("kyc", Case::Any, &[]),
    ("e-kyc", Case::Any, &[]),
    ("national id", Case::Any, &[]),
    ("id proof", Case::Any, &[]),
    ("identity card", Case::Any, &[]),
    ("id card", Case::Any, &[]),
    ("본인확인", Case::Any, &[]),
    ("신분증", Case::Any, &[]),
    ("kimlik", Case::Any, &[]),
    ("identitas", Case::Any, &[]),
    ("identidad", Case::Any, &[]),
    ("identidade", Case::Any, &[]),
    ("الهوية", Case::Any, &[]),
    ("هويتي", Case::Any, &[]),
    // Without the article (`رقم هوية`, `بطاقة هوية`).
    ("هوية", Case::Any, &[]),
    // United States.
    ("ssn", Case::Any, &[UsSsn]),
    ("social security", Case::Any, &[UsSsn]),
    ("itin", Case::Any, &[UsItin]),
    ("taxpayer id", Case::Any, &[UsItin, UsSsn]),
    // Brazil.
    ("cpf", Case::Any, &[BrCpf]),
    ("cnpj", Case::Any, &[BrCnpj]),
    ("pis", Case::Any, &[BrPis]),
    ("pasep", Case::Any, &[BrPis]),
    ("pis/pasep", Case::Any, &[BrPis]),
    ("nis", Case::Any, &[BrPis]),
    ("cns", Case::Any, &[BrCns]),
    ("cartão sus", Case::Any, &[BrCns]),
    ("cartao sus", Case::Any, &[BrCns]),
    ("cartão do sus", Case::Any, &[BrCns]),
    ("cartao do sus", Case::Any, &[BrCns]),
    ("carteirinha do sus", Case::Any, &[BrCns]),
    ("cartão nacional de saúde", Case::Any, &[BrCns]),
    ("cartao nacional de saude", Case::Any, &[BrCns]),
    ("título de eleitor", Case::Any, &[BrTituloEleitor]),
    ("titulo de eleitor", Case::Any, &[BrTituloEleitor]),
    ("título eleitoral", Case::Any, &[BrTituloEleitor]),
    ("titulo eleitoral", Case::Any, &[BrTituloEleitor]),
    ("título do eleitor", Case::Any, &[BrTituloEleitor]),
    ("inscrição eleitoral", Case::Any, &[BrTituloEleitor]),
    ("cnh", Case::Any, &[BrCnh]),
    ("habilitação", Case::Any, &[BrCnh]),
    ("habilitacao", Case::Any, &[BrCnh]),
    ("carteira de motorista", Case::Any, &[BrCnh]),
    ("rg", Case::Any, &[BrRg]),
    ("r.g.", Case::Any, &[BrRg]),
    ("registro geral", Case::Any, &[BrRg]),
    // India.
    ("aadhaar", Case::Any, &[InAadhaar]),
    ("aadhar", Case::Any, &[InAadhaar]),
    ("adhaar", Case::Any, &[InAadhaar]),
    ("adhar", Case::Any, &[InAadhaar]),
    ("uid", Case::Upper, &[InAadhaar]),
    ("uidai", Case::Any, &[InAadhaar]),
    ("abha", Case::Any, &[InAbha]),
    ("uan", Case::Any, &[InUan]),
    ("uan no", Case::Any, &[InUan]),
    ("uan number", Case::Any, &[InUan]),
    ("abha number", Case::Any, &[InAbha]),
    ("abha id", Case::Any, &[InAbha]),
    ("health id", Case::Any, &[InAbha]),
    ("ayushman bharat", Case::Any, &[InAbha]),
    ("आधार", Case::Any, &[InAadhaar]),
    ("pan", Case::Upper, &[InPan]),
    ("pan:", Case::Any, &[InPan]),
    ("pan card", Case::Any, &[InPan]),
    ("pan no", Case::Any, &[InPan]),
    ("pan number", Case::Any, &[InPan]),
    ("पैन", Case::Any, &[InPan]),
    ("dl", Case::Upper, &[InDrivingLicence]),
    ("d.l.", Case::Any, &[InDrivingLicence]),
    ("driving licence", Case::Any, &[InDrivingLicence]),
    ("driving license", Case::Any, &[InDrivingLicence]),
    ("licence", Case::Any, &[InDrivingLicence]),
    ("license", Case::Any, &[InDrivingLicence]),
    ("डीएल", Case::Any, &[InDrivingLicence]),
    ("ड्राइविंग लाइसेंस", Case::Any, &[InDrivingLicence]),
    ("लाइसेंस", Case::Any, &[InDrivingLicence]),
    // Mexico.
    ("curp", Case::Any, &[MxCurp]),
    ("clave de elector", Case::Any, &[MxClaveElector]),
    ("credencial de elector", Case::Any, &[MxClaveElector]),
    ("credencial para votar", Case::Any, &[MxClaveElector]),
    ("ine", Case::Upper, &[MxClaveElector]),
    ("ife", Case::Upper, &[MxClaveElector]),
    ("rfc", Case::Any, &[MxRfc]),
    ("nss", Case::Any, &[MxNss, EsNss]),
    ("imss", Case::Any, &[MxNss]),
    ("número de seguridad social", Case::Any, &[MxNss]),
    ("número de la seguridad social", Case::Any, &[EsNss]),
    ("numero de la seguridad social", Case::Any, &[EsNss]),
    ("número de afiliación", Case::Any, &[EsNss]),
    ("numero de afiliacion", Case::Any, &[EsNss]),
    ("nuss", Case::Any, &[EsNss]),
    ("naf", Case::Upper, &[EsNss]),
    ("numero de seguridad social", Case::Any, &[MxNss]),
    ("número de seguro social", Case::Any, &[MxNss, UsSsn]),
    ("numero de seguro social", Case::Any, &[MxNss, UsSsn]),
    // Also what Spanish speakers in the US call the SSN.
    ("seguro social", Case::Any, &[MxNss, UsSsn]),
    // Spain.
    // Spain, Peru and Argentina call their identity number a DNI.
    ("dni", Case::Any, &[EsNif, PeDni, ArDni, HnDni]),
    ("nif", Case::Any, &[EsNif, EsNie, PtNif]),
    ("nie", Case::Upper, &[EsNie]),
    ("nie:", Case::Any, &[EsNie]),
    // Italy.
    ("codice fiscale", Case::Any, &[ItFiscalCode]),
    ("cod. fiscale", Case::Any, &[ItFiscalCode]),
    ("cf", Case::Upper, &[ItFiscalCode]),
    ("cf:", Case::Any, &[ItFiscalCode]),
    ("c.f.", Case::Any, &[ItFiscalCode]),
    // Poland.
    ("pesel", Case::Any, &[PlPesel]),
    // Netherlands.
    ("bsn", Case::Any, &[NlBsn]),
    ("burgerservicenummer", Case::Any, &[NlBsn]),
    ("sofinummer", Case::Any, &[NlBsn]),
    // France.
    ("nir", Case::Any, &[FrNir]),
    ("sécu", Case::Any, &[FrNir]),
    ("secu", Case::Any, &[FrNir]),
    ("sécurité sociale", Case::Any, &[FrNir]),
    ("securite sociale", Case::Any, &[FrNir]),
    ("n° ss", Case::Any, &[FrNir]),
    ("insee", Case::Any, &[FrNir]),
    // Germany.
    ("steuer-id", Case::Any, &[DeTaxId]),
    ("steuer-idnr", Case::Any, &[DeTaxId]),
    ("steuerid", Case::Any, &[DeTaxId]),
    ("steueridentifikationsnummer", Case::Any, &[DeTaxId]),
    ("idnr", Case::Any, &[DeTaxId]),
    ("steuernummer", Case::Any, &[DeTaxId]),
    ("tax id", Case::Any, &[DeTaxId, UsItin]),
    // United Kingdom.
    ("nino", Case::Any, &[GbNino]),
    ("ni number", Case::Any, &[GbNino]),
    ("ni no", Case::Any, &[GbNino]),
    ("national insurance", Case::Any, &[GbNino]),
    ("nhs", Case::Any, &[GbNhs]),
    // Canada.
    ("sin", Case::Upper, &[CaSin]),
    ("sin:", Case::Any, &[CaSin]),
    ("social insurance", Case::Any, &[CaSin]),
    ("nas", Case::Upper, &[CaSin]),
    ("assurance sociale", Case::Any, &[CaSin]),
    // China.
    ("身份证", Case::Any, &[CnResidentId]),
    ("身份證", Case::Any, &[CnResidentId]),
    ("居民身份", Case::Any, &[CnResidentId]),
    // South Korea.
    ("주민등록번호", Case::Any, &[KrRrn]),
    ("주민번호", Case::Any, &[KrRrn]),
    ("rrn", Case::Any, &[KrRrn]),
    // South Africa.
    ("sa id", Case::Any, &[ZaId]),
    ("id number", Case::Any, &[ZaId, KeNationalId]),
    ("id no", Case::Any, &[ZaId, KeNationalId]),
    ("identity number", Case::Any, &[ZaId]),
    // Turkey.
    ("tc kimlik", Case::Any, &[TrTckn]),
    ("t.c. kimlik", Case::Any, &[TrTckn]),
    ("kimlik", Case::Any, &[TrTckn]),
    ("tckn", Case::Any, &[TrTckn]),
    ("tc no", Case::Any, &[TrTckn]),
    ("tc", Case::Upper, &[TrTckn]),
    ("tc:", Case::Any, &[TrTckn]),
    // Sweden.
    ("personnummer", Case::Any, &[SePersonnummer, NoFnr, DkCpr]),
    ("personnr", Case::Any, &[SePersonnummer]),
    ("pnr", Case::Any, &[SePersonnummer]),
    // Finland.
    ("henkilötunnus", Case::Any, &[FiHetu]),
    ("henkilötunnukseni", Case::Any, &[FiHetu]),
    ("hetu", Case::Any, &[FiHetu]),
    // Argentina.
    ("cuit", Case::Any, &[ArCuit]),
    ("cuil", Case::Any, &[ArCuit]),
    ("cbu", Case::Any, &[ArCbu]),
    ("cvu", Case::Any, &[ArCbu]),
    ("clave bancaria uniforme", Case::Any, &[ArCbu]),
    ("clave virtual uniforme", Case::Any, &[ArCbu]),
    // Chile.
    ("rut", Case::Any, &[ClRut]),
    ("run", Case::Upper, &[ClRut]),
    // Colombia, El Salvador, and Brazil (where a worker's NIT is the PIS).
    ("nit", Case::Any, &[CoNit, SvNit, BrPis]),
    // Indonesia.
    ("nik", Case::Any, &[IdNik]),
    ("ktp", Case::Any, &[IdNik]),
    ("e-ktp", Case::Any, &[IdNik]),
    // The family card's number (KK), which SIM registration and loan
    // apps ask for with the NIK, has the NIK's layout. Not `kk` alone:
    // chat writes it for `kakak`.
    ("kartu keluarga", Case::Any, &[IdNik]),
    ("nomor kk", Case::Any, &[IdNik]),
    ("no kk", Case::Any, &[IdNik]),
    ("no. kk", Case::Any, &[IdNik]),
    // Nigeria.
    ("nin", Case::Any, &[NgNin, UgNin]),
    ("nimc", Case::Any, &[NgNin]),
    // Singapore.
    ("nric", Case::Any, &[SgNric, MyNric]),
    ("fin", Case::Upper, &[SgNric]),
    ("fin:", Case::Any, &[SgNric]),
    ("ic no", Case::Any, &[SgNric, MyNric]),
    ("my ic", Case::Any, &[SgNric, MyNric]),
    // Australia.
    ("tfn", Case::Any, &[AuTfn]),
    ("tax file", Case::Any, &[AuTfn]),
    ("medicare", Case::Any, &[AuMedicare]),
    // Identifiers of the WhatsApp-commerce markets (issue 13).
    // India.
    ("gstin", Case::Any, &[InGstin]),
    ("gst", Case::Upper, &[InGstin]),
    ("gst no", Case::Any, &[InGstin]),
    ("gst number", Case::Any, &[InGstin]),
    ("gst:", Case::Any, &[InGstin]),
    ("जीएसटी", Case::Any, &[InGstin]),
    ("voter id", Case::Any, &[InVoterId]),
    ("voter card", Case::Any, &[InVoterId]),
    ("voter", Case::Any, &[InVoterId]),
    ("epic", Case::Upper, &[InVoterId]),
    ("epic no", Case::Any, &[InVoterId]),
    ("मतदाता", Case::Any, &[InVoterId]),
    ("वोटर", Case::Any, &[InVoterId]),
    ("passport", Case::Any, &[InPassport]),
    ("पासपोर्ट", Case::Any, &[InPassport]),
    // Indonesia and Vietnam print India's shape (a letter, seven digits);
    // `src/detect/passport.rs` leaves it to this kind, so their words, and
    // the other markets' (a number of that shape is a passport's there
    // too), name it here.
    ("ppt no", Case::Any, &[InPassport]),
    ("pp", Case::Upper, &[InPassport]),
    ("paspor", Case::Any, &[InPassport]),
    ("hộ chiếu", Case::Any, &[InPassport]),
    ("ho chieu", Case::Any, &[InPassport]),
    ("pasaporte", Case::Any, &[InPassport]),
    ("passaporte", Case::Any, &[InPassport]),
    ("passeport", Case::Any, &[InPassport]),
    ("pasport", Case::Any, &[InPassport]),
    ("pasaport", Case::Any, &[InPassport]),
    ("паспорт", Case::Any, &[InPassport]),
    ("جواز السفر", Case::Any, &[InPassport]),
    ("جواز سفر", Case::Any, &[InPassport]),
    ("پاسپورٹ", Case::Any, &[InPassport]),
    ("পাসপোর্ট", Case::Any, &[InPassport]),
    ("vid", Case::Upper, &[InVid]),
    ("vid:", Case::Any, &[InVid]),
    // "vid" in lower case is an everyday word elsewhere (Swedish "at"); in
    // Indian chat it names the VID after "aadhaar" or before "no".
    ("aadhaar vid", Case::Any, &[InVid]),
    ("aadhar vid", Case::Any, &[InVid]),
    ("vid no", Case::Any, &[InVid]),
    ("vid number", Case::Any, &[InVid]),
    ("virtual id", Case::Any, &[InVid]),
    ("वीआईडी", Case::Any, &[InVid]),
    // Mexico.
    ("clabe", Case::Any, &[MxClabe]),
    ("cuenta clabe", Case::Any, &[MxClabe]),
    // Nigeria.
    ("bvn", Case::Any, &[NgBvn]),
    ("bank verification number", Case::Any, &[NgBvn]),
    // Pakistan.
    ("cnic", Case::Any, &[PkCnic]),
    ("nic", Case::Upper, &[PkCnic, LkNic]),
    ("nadra", Case::Any, &[PkCnic]),
    // FBR: since 2019 a person's tax number (NTN) is the CNIC number.
    ("ntn", Case::Any, &[PkCnic]),
    // "Shanakhti card", the CNIC's name in Urdu, typed in Latin letters.
    ("shanakhti", Case::Any, &[PkCnic]),
    ("shanakhti card", Case::Any, &[PkCnic]),
    ("شناختی", Case::Any, &[PkCnic]),
    ("شناختی کارڈ", Case::Any, &[PkCnic]),
    ("شناختی کارڈ نمبر", Case::Any, &[PkCnic]),
    // Indonesia.
    ("npwp", Case::Any, &[IdNpwp]),
    ("bpjs", Case::Any, &[IdBpjs]),
    ("bpjs kesehatan", Case::Any, &[IdBpjs]),
    ("kartu kis", Case::Any, &[IdBpjs]),
    ("kis", Case::Upper, &[IdBpjs]),
    ("jkn", Case::Any, &[IdBpjs]),
    ("jkn-kis", Case::Any, &[IdBpjs]),
    ("nomor pokok wajib pajak", Case::Any, &[IdNpwp]),
    // Malaysia.
    ("mykad", Case::Any, &[MyNric]),
    // "No. KP": Nombor Kad Pengenalan, the label of an NRIC in Malaysia.
    ("kp", Case::Upper, &[MyNric]),
    ("kad pengenalan", Case::Any, &[MyNric]),
    ("no. kp", Case::Any, &[MyNric]),
    ("no kp", Case::Any, &[MyNric]),
    ("ic number", Case::Any, &[MyNric]),
    // Thailand.
    ("บัตรประชาชน", Case::Any, &[ThId]),
    ("เลขประจำตัวประชาชน", Case::Any, &[ThId]),
    ("เลขบัตร", Case::Any, &[ThId]),
    ("thai id", Case::Any, &[ThId]),
    // Ghana.
    ("ghana card", Case::Any, &[GhCard]),
    ("ghanacard", Case::Any, &[GhCard]),
    ("ghana card pin", Case::Any, &[GhCard]),
    ("ghana card number", Case::Any, &[GhCard]),
    ("nia", Case::Upper, &[GhCard]),
    // Kenya.
    ("kra pin", Case::Any, &[KeKraPin]),
    ("kra", Case::Any, &[KeKraPin]),
    ("pin no", Case::Upper, &[KeKraPin]),
    ("kitambulisho", Case::Any, &[KeNationalId, TzNida]),
    ("namba ya kitambulisho", Case::Any, &[KeNationalId]),
    ("nambari ya kitambulisho", Case::Any, &[KeNationalId]),
    // United Arab Emirates and Saudi Arabia.
    ("emirates id", Case::Any, &[AeEmiratesId]),
    ("eid", Case::Upper, &[AeEmiratesId]),
    ("الهوية الإماراتية", Case::Any, &[AeEmiratesId]),
    ("هوية إماراتية", Case::Any, &[AeEmiratesId]),
    ("رقم الهوية", Case::Any, &[AeEmiratesId, SaNationalId]),
    ("رقم هويتي", Case::Any, &[AeEmiratesId, SaNationalId]),
    ("iqama", Case::Any, &[SaNationalId]),
    ("إقامة", Case::Any, &[SaNationalId]),
    ("اقامة", Case::Any, &[SaNationalId]),
    ("الهوية الوطنية", Case::Any, &[SaNationalId]),
    ("هوية وطنية", Case::Any, &[SaNationalId]),
    ("saudi id", Case::Any, &[SaNationalId]),
    // The Philippines.
    ("sss", Case::Any, &[PhSss]),
    ("sss no", Case::Any, &[PhSss]),
    ("sss number", Case::Any, &[PhSss]),
    ("tin", Case::Upper, &[PhTin]),
    ("tin no", Case::Any, &[PhTin]),
    ("tin number", Case::Any, &[PhTin]),
    ("tin#", Case::Any, &[PhTin]),
    ("philsys", Case::Any, &[PhPhilsys]),
    ("philid", Case::Any, &[PhPhilsys]),
    ("phil id", Case::Any, &[PhPhilsys]),
    ("psn", Case::Upper, &[PhPhilsys]),
    ("pcn", Case::Upper, &[PhPhilsys]),
    ("philhealth", Case::Any, &[PhPhilhealth]),
    ("phil health", Case::Any, &[PhPhilhealth]),
    ("phic", Case::Upper, &[PhPhilhealth]),
    ("umid", Case::Any, &[PhUmidCrn]),
    ("crn", Case::Any, &[PhUmidCrn]),
    ("pag-ibig", Case::Any, &[PhPagibig]),
    ("pagibig", Case::Any, &[PhPagibig]),
    ("pag ibig", Case::Any, &[PhPagibig]),
    ("hdmf", Case::Any, &[PhPagibig]),
    // Uganda ("NIN" with Nigeria's above).
    ("ndaga muntu", Case::Any, &[UgNin]),
    ("nira", Case::Upper, &[UgNin]),
    // Bangladesh.
    ("nid", Case::Any, &[BdNid, RwNid]),
    ("nid card", Case::Any, &[BdNid]),
    ("এনআইডি", Case::Any, &[BdNid]),
    ("জাতীয় পরিচয়পত্র", Case::Any, &[BdNid]),
    ("পরিচয়পত্র", Case::Any, &[BdNid]),
    ("jatiyo porichoy potro", Case::Any, &[BdNid]),
    ("jatiyo porichoypotro", Case::Any, &[BdNid]),
    ("jatiya parichaya patra", Case::Any, &[BdNid]),
    ("porichoy potro", Case::Any, &[BdNid]),
    // Morocco.
    ("cin", Case::Upper, &[MaCin]),
    ("cin:", Case::Any, &[MaCin]),
    ("c.i.n", Case::Any, &[MaCin]),
    ("cnie", Case::Any, &[MaCin]),
    ("carte nationale", Case::Any, &[MaCin]),
    ("البطاقة الوطنية", Case::Any, &[MaCin]),
    ("رقم البطاقة الوطنية", Case::Any, &[MaCin]),
    // Tanzania ("kitambulisho" with Kenya's below), Rwanda (whose agency
    // is a NIDA too), Zambia.
    ("nida", Case::Any, &[TzNida, RwNid]),
    ("indangamuntu", Case::Any, &[RwNid]),
    ("rwanda id", Case::Any, &[RwNid]),
    ("rwandan id", Case::Any, &[RwNid]),
    ("nrc", Case::Upper, &[ZmNrc]),
    ("nrc no", Case::Any, &[ZmNrc]),
    // Zimbabwe: the ID card in Shona and Ndebele, and in English.
    ("chitupa", Case::Any, &[ZwNid]),
    ("isitupa", Case::Any, &[ZwNid]),
    ("zim id", Case::Any, &[ZwNid]),
    ("zimbabwe id", Case::Any, &[ZwNid]),
    ("zimbabwean id", Case::Any, &[ZwNid]),
    // Kuwait.
    ("الرقم المدني", Case::Any, &[KwCivilId]),
    ("رقم مدني", Case::Any, &[KwCivilId]),
    ("رقمي المدني", Case::Any, &[KwCivilId]),
    ("البطاقة المدنية", Case::Any, &[KwCivilId]),
    ("civil id", Case::Any, &[KwCivilId]),
    ("civil no", Case::Any, &[KwCivilId]),
    ("civil number", Case::Any, &[KwCivilId]),
    // Qatar.
    ("qid", Case::Any, &[QaQid]),
    ("qatar id", Case::Any, &[QaQid]),
    ("qatari id", Case::Any, &[QaQid]),
    ("الرقم الشخصي", Case::Any, &[QaQid]),
    ("رقمي الشخصي", Case::Any, &[QaQid]),
    ("البطاقة الشخصية", Case::Any, &[QaQid]),
    // Egypt.
    ("الرقم القومي", Case::Any, &[EgNationalId]),
    ("رقم قومي", Case::Any, &[EgNationalId]),
    ("الرقم القومى", Case::Any, &[EgNationalId]),
    ("egyptian id", Case::Any, &[EgNationalId]),
    // Vietnam.
    ("cccd", Case::Any, &[VnCccd]),
    ("căn cước", Case::Any, &[VnCccd]),
    ("can cuoc", Case::Any, &[VnCccd]),
    ("cmnd", Case::Any, &[VnCccd]),
    ("số định danh", Case::Any, &[VnCccd]),
    ("so dinh danh", Case::Any, &[VnCccd]),
    // Ecuador, Colombia, the Dominican Republic, Venezuela, Uruguay,
    // Costa Rica and Nicaragua.
    (
        "cédula",
        Case::Any,
        &[
            EcCedula, CoCedula, DoCedula, VeCedula, UyCi, CrCedula, NiCedula,
        ],
    ),
    (
        "cedula",
        Case::Any,
        &[
            EcCedula, CoCedula, DoCedula, VeCedula, UyCi, CrCedula, NiCedula,
        ],
    ),
    ("cédula de ciudadanía", Case::Any, &[CoCedula]),
    ("cedula de ciudadania", Case::Any, &[CoCedula]),
    ("c.c", Case::Upper, &[CoCedula]),
    // Colombians type the cédula's abbreviation in lower case too (`mi cc
    // es …`, `c.c 52.123.456`); read so only for the cédula, which needs a
    // Colombian conversation anyway (`cc` in lower case is also a copy or
    // cubic centimetres).
    ("cc", Case::Any, &[CoCedula]),
    ("c.c", Case::Any, &[CoCedula]),
    ("cédula de identidad", Case::Any, &[EcCedula]),
    ("c.i.", Case::Any, &[EcCedula, VeCedula, UyCi]),
    ("c.i", Case::Any, &[EcCedula, VeCedula, UyCi]),
    ("ci", Case::Upper, &[EcCedula, VeCedula, UyCi, CuNi]),
    // Cuba (`CI` with Ecuador's above; Honduras says `número de
    // identidad` too).
    ("carnet de identidad", Case::Any, &[CuNi]),
    ("carné de identidad", Case::Any, &[CuNi]),
    ("carne de identidad", Case::Any, &[CuNi]),
    ("número de identidad", Case::Any, &[CuNi, HnDni]),
    ("numero de identidad", Case::Any, &[CuNi, HnDni]),
    // Venezuela: a person's RIF ("rif" alone is Italian for a reference,
    // a veto word), and Pago Móvil's details.
    ("r.i.f.", Case::Any, &[VeCedula]),
    ("titular", Case::Any, &[VeCedula]),
    ("pago móvil", Case::Any, &[VeCedula]),
    ("pago movil", Case::Any, &[VeCedula]),
    ("pagomovil", Case::Any, &[VeCedula]),
    // Peru and Argentina ("DNI" above).
    (
        "documento nacional de identidad",
        Case::Any,
        &[PeDni, ArDni],
    ),
    ("d.n.i.", Case::Any, &[PeDni, ArDni]),
    ("cui", Case::Upper, &[PeDni, GtDpi]),
    // Guatemala ("DPI" is dots per inch in lower case).
    ("dpi", Case::Upper, &[GtDpi]),
    ("documento personal de identificación", Case::Any, &[GtDpi]),
    ("documento personal de identificacion", Case::Any, &[GtDpi]),
    // Peru's and Ecuador's taxpayer numbers (a person's holds the DNI or
    // the cédula).
    ("ruc", Case::Any, &[PeRuc, EcCedula, PyRuc]),
    ("r.u.c.", Case::Any, &[PeRuc, EcCedula]),
    // Sri Lanka ("NIC" with Pakistan's above): identity card in Sinhala
    // and Tamil.
    ("හැඳුනුම්පත", Case::Any, &[LkNic]),
    ("හැඳුනුම්පත් අංකය", Case::Any, &[LkNic]),
    ("அடையாள அட்டை", Case::Any, &[LkNic]),
    // Russia.
    ("инн", Case::Any, &[RuInn]),
    ("inn", Case::Upper, &[RuInn]),
    // SNILS, and the card it is printed on (the insurance certificate).
    ("снилс", Case::Any, &[RuSnils]),
    ("snils", Case::Any, &[RuSnils]),
    ("страховой номер", Case::Any, &[RuSnils]),
    ("страховое свидетельство", Case::Any, &[RuSnils]),
    ("страхового свидетельства", Case::Any, &[RuSnils]),
    // Kazakhstan: the IIN in Russian and in Latin letters, ЖСН in Kazakh.
    ("иин", Case::Any, &[KzIin]),
    ("iin", Case::Any, &[KzIin]),
    (
        "индивидуальный идентификационный номер",
        Case::Any,
        &[KzIin],
    ),
    ("жсн", Case::Any, &[KzIin]),
    ("жеке сәйкестендіру нөмірі", Case::Any, &[KzIin]),
    // Israel: identity number, identity card (and their abbreviations
    // ת.ז., ת"ז, ת״ז), in Latin letters too.
    ("תעודת זהות", Case::Any, &[IlIdnr]),
    ("מספר זהות", Case::Any, &[IlIdnr]),
    ("ת.ז", Case::Any, &[IlIdnr]),
    ("ת\"ז", Case::Any, &[IlIdnr]),
    ("ת״ז", Case::Any, &[IlIdnr]),
    ("teudat zehut", Case::Any, &[IlIdnr]),
    // Iran: the national code and card, with the Persian and the Arabic
    // forms of kaf and yeh that keyboards type.
    ("کد ملی", Case::Any, &[IrNationalId]),
    ("کدملی", Case::Any, &[IrNationalId]),
    ("کارت ملی", Case::Any, &[IrNationalId]),
    ("کد ملي", Case::Any, &[IrNationalId]),
    ("کدملي", Case::Any, &[IrNationalId]),
    ("کارت ملي", Case::Any, &[IrNationalId]),
    ("كد ملی", Case::Any, &[IrNationalId]),
    ("كدملی", Case::Any, &[IrNationalId]),
    ("كارت ملی", Case::Any, &[IrNationalId]),
    ("كد ملي", Case::Any, &[IrNationalId]),
    ("كدملي", Case::Any, &[IrNationalId]),
    ("كارت ملي", Case::Any, &[IrNationalId]),
    ("شماره ملی", Case::Any, &[IrNationalId]),
    ("شماره ملي", Case::Any, &[IrNationalId]),
    ("code melli", Case::Any, &[IrNationalId]),
    ("kode melli", Case::Any, &[IrNationalId]),
    ("national code", Case::Any, &[IrNationalId]),
    // Portugal: the NIF ("NIF" with Spain's above) and the citizen card.
    ("contribuinte", Case::Any, &[PtNif]),
    ("n.i.f.", Case::Any, &[PtNif]),
    ("cartão de cidadão", Case::Any, &[PtCc]),
    ("cartao de cidadao", Case::Any, &[PtCc]),
    ("cartão do cidadão", Case::Any, &[PtCc]),
    ("cartao do cidadao", Case::Any, &[PtCc]),
    // Romania.
    ("cnp", Case::Any, &[RoCnp]),
    ("c.n.p.", Case::Any, &[RoCnp]),
    ("cod numeric personal", Case::Any, &[RoCnp]),
    ("codul numeric personal", Case::Any, &[RoCnp]),
    // Belgium, in Dutch and French.
    ("rijksregisternummer", Case::Any, &[BeNn]),
    ("rijksregister", Case::Any, &[BeNn]),
    ("registre national", Case::Any, &[BeNn]),
    ("numéro national", Case::Any, &[BeNn]),
    ("numero national", Case::Any, &[BeNn]),
    ("insz", Case::Any, &[BeNn]),
    ("niss", Case::Any, &[BeNn]),
    // Switzerland, in German, French and Italian.
    ("ahv", Case::Any, &[ChAhv]),
    ("ahv-nr", Case::Any, &[ChAhv]),
    ("ahv-nummer", Case::Any, &[ChAhv]),
    ("avs", Case::Any, &[ChAhv]),
    (
        "sozialversicherungsnummer",
        Case::Any,
        &[ChAhv, AtSvnr, DeSvnr],
    ),
    // Ireland.
    ("pps", Case::Any, &[IePps]),
    ("ppsn", Case::Any, &[IePps]),
    ("personal public service", Case::Any, &[IePps]),
    // Norway.
    ("fødselsnummer", Case::Any, &[NoFnr]),
    ("fodselsnummer", Case::Any, &[NoFnr]),
    ("d-nummer", Case::Any, &[NoFnr]),
    // Denmark ("personnummer" with Sweden's above).
    ("cpr", Case::Any, &[DkCpr]),
    ("cpr-nr", Case::Any, &[DkCpr]),
    ("cpr-nummer", Case::Any, &[DkCpr]),
    // The Czech Republic and Slovakia.
    ("rodné číslo", Case::Any, &[CzRc]),
    ("rodne cislo", Case::Any, &[CzRc]),
    ("rodného čísla", Case::Any, &[CzRc]),
    ("r.č.", Case::Any, &[CzRc]),
    // Austria and Germany ("Sozialversicherungsnummer" with Switzerland's
    // above); Germany's pension insurer's name for it.
    ("svnr", Case::Any, &[AtSvnr, DeSvnr]),
    ("sv-nr", Case::Any, &[AtSvnr, DeSvnr]),
    ("sv-nummer", Case::Any, &[AtSvnr, DeSvnr]),
    ("versicherungsnummer", Case::Any, &[AtSvnr, DeSvnr]),
    ("sozialversicherungsausweis", Case::Any, &[DeSvnr]),
    ("sv-ausweis", Case::Any, &[DeSvnr]),
    ("rentenversicherungsnummer", Case::Any, &[DeSvnr]),
    ("rvnr", Case::Any, &[DeSvnr]),
    ("rv-nr", Case::Any, &[DeSvnr]),
    ("rv-nummer", Case::Any, &[DeSvnr]),
    // Hong Kong.
    ("hkid", Case::Any, &[HkHkid]),
    ("身份證", Case::Any, &[HkHkid]),
    ("身份證號碼", Case::Any, &[HkHkid]),
    ("香港身份證", Case::Any, &[HkHkid]),
    // Croatia.
    ("oib", Case::Any, &[HrOib]),
    ("o.i.b.", Case::Any, &[HrOib]),
    ("osobni identifikacijski broj", Case::Any, &[HrOib]),
    // Greece, in Greek and Latin letters.
    ("αμκα", Case::Any, &[GrAmka]),
    ("α.μ.κ.α.", Case::Any, &[GrAmka]),
    ("amka", Case::Any, &[GrAmka]),
    ("αφμ", Case::Any, &[GrAfm]),
    ("α.φ.μ.", Case::Any, &[GrAfm]),
    ("afm", Case::Any, &[GrAfm]),
    ("a.f.m.", Case::Any, &[GrAfm]),
    // Estonia and Lithuania.
    ("isikukood", Case::Any, &[EeIsikukood]),
    ("isikukoodi", Case::Any, &[EeIsikukood]),
    ("asmens kodas", Case::Any, &[LtAsmensKodas]),
    ("asmens kodą", Case::Any, &[LtAsmensKodas]),
    ("asmens kodo", Case::Any, &[LtAsmensKodas]),
    // Latvia.
    ("personas kods", Case::Any, &[LvPersonasKods]),
    ("personas kodu", Case::Any, &[LvPersonasKods]),
    ("personas koda", Case::Any, &[LvPersonasKods]),
    ("personas kodam", Case::Any, &[LvPersonasKods]),
    // Taiwan (traditional characters; `身份證` is also Hong Kong's word).
    ("身分證", Case::Any, &[TwId]),
    ("身分證字號", Case::Any, &[TwId]),
    ("身份證字號", Case::Any, &[TwId]),
    ("身分證號碼", Case::Any, &[TwId]),
    ("身份證", Case::Any, &[TwId]),
    ("統一證號", Case::Any, &[TwId]),
    // Ukraine (Ukrainian, and the Russian word many Ukrainians use).
    ("рнокпп", Case::Any, &[UaRnokpp]),
    ("іпн", Case::Any, &[UaRnokpp]),
    ("ідентифікаційний код", Case::Any, &[UaRnokpp]),
    ("ідентифікаційний номер", Case::Any, &[UaRnokpp]),
    ("податковий номер", Case::Any, &[UaRnokpp]),
    ("инн", Case::Any, &[UaRnokpp]),
    // El Salvador.
    ("dui", Case::Any, &[SvDui]),
    ("documento único de identidad", Case::Any, &[SvDui]),
    ("documento unico de identidad", Case::Any, &[SvDui]),
    // Japan (English "my number" is a phone phrase).
    ("マイナンバー", Case::Any, &[JpMyNumber]),
    ("個人番号", Case::Any, &[JpMyNumber]),
    ("mynumber", Case::Any, &[JpMyNumber]),
    ("my number card", Case::Any, &[JpMyNumber]),
    // Bulgaria.
    ("егн", Case::Any, &[BgEgn]),
    ("egn", Case::Any, &[BgEgn]),
    // Former Yugoslavia: Serbian (both scripts), Slovene, Macedonian.
    ("jmbg", Case::Any, &[RsJmbg]),
    ("јмбг", Case::Any, &[RsJmbg]),
    ("emšo", Case::Any, &[RsJmbg]),
    ("emso", Case::Any, &[RsJmbg]),
    ("ембг", Case::Any, &[RsJmbg]),
    ("matični broj", Case::Any, &[RsJmbg]),
    ("матични број", Case::Any, &[RsJmbg]),
];

/// Stems of veto words that form compounds (see [`Case::Stem`]).
static NEGATIVE_STEMS: &[&str] = &[
    "order",
    "bestel",
    "bestell",
    "factuur",
    "rechnung",
    "sendung",
    "auftrag",
    "zamówieni",
    "zamowieni",
    "przesyłk",
    "faktur",
    "fattur",
    "factur",
    "tracking",
    "invoice",
    "kundennummer",
    "klantnummer",
    "kundnummer",
    "asiakasnumero",
    "tilausnumero",
    "ordrenummer",
    "sporing",
];

/// Words that name a reference of commerce (an order, invoice, shipment,
/// one-time code, transfer, ticket …) in the languages of our users: the
/// number after one is that reference, neither a phone number nor an
/// identifier. One list for every detector that reads a veto, so that a
/// word added for one market guards phones and IDs alike; each detector
/// adds the words only it needs ([`NEGATIVE`] below, the phone detector's
/// own list).
pub(crate) static REFERENCE_WORDS: &[&str] = &[
    // English.
    "order",
    "orders",
    "ord",
    "invoice",
    "inv",
    "bill",
    "receipt",
    "ref",
    "reference",
    "tracking",
    "track",
    "track & trace",
    "track and trace",
    "awb",
    "consignment",
    "shipment",
    "parcel",
    "otp",
    "code",
    "pin",
    "passcode",
    "password",
    "txn",
    "transaction",
    // A transaction's ID in wallet receipts (JazzCash's and Easypaisa's
    // `TID`, bKash's `TrxID`). Not `tid` alone: Swedish and Danish for
    // "time" (`Din tid: 070-123 45 67`).
    "jazzcash tid",
    "jazz cash tid",
    "easypaisa tid",
    "easy paisa tid",
    "trx",
    "trxid",
    "trx id",
    "utr",
    "ticket",
    "docket",
    // A service request. "SR" alone is an ID-only veto: to the phone
    // detector, which lets any words stand between a veto and its number,
    // it would also be "Sr. Pérez 55 1234 5678".
    "service request",
    "raised sr",
    "booking",
    // A video call's room (`Meeting ID: 981 5715 7292`, as Zoom, Webex
    // and Teams invitations pasted in a group write it; autocorrect makes
    // `Id` `I'd`).
    "meeting id",
    "meeting i'd",
    "meeting i’d",
    "meeting number",
    "meeting no",
    "webinar id",
    "conference id",
    "zoom id",
    "sku",
    // A utility's numbers: an electricity meter (Nigeria's prepaid meters
    // have eleven digits, as a NIN) and India's consumer number.
    "meter no",
    "meter number",
    "prepaid meter",
    "consumer no",
    "consumer number",
    // An Indian traffic fine (`e-challan 1234567890`) or a deposit slip.
    "challan",
    // A school's roll number.
    "roll no",
    "rollno",
    "roll number",
    // A book's number: an ISBN-10 ending in `X` is written like an old
    // Sri Lankan NIC.
    "isbn",
    // A product's barcode: thirteen digits, as a CNP or an AHV number.
    "ean",
    "gtin",
    // A Polish company's statistical and court register numbers: nine
    // digits of REGON read as a Polish mobile.
    "regon",
    "krs",
    "item",
    "product",
    "model",
    "serial",
    "batch",
    "s/n",
    "imei",
    "case",
    "complaint",
    "claim",
    // Portuguese and Spanish.
    "pedido",
    "factura",
    "fatura",
    "fatura no",
    "boleto",
    "protocolo",
    "rastreio",
    "rastreamento",
    "comprovante",
    "comprobante",
    "nf-e",
    "seguimiento",
    "rastreo",
    "guía",
    "guia",
    "código",
    "codigo",
    "orden",
    "referencia",
    "transferencia",
    "operación",
    "operacion",
    "folio",
    "lote",
    "transação",
    "transacao",
    "transacción",
    "transaccion",
    "código de verificación",
    "código de verificação",
    "codigo de verificacion",
    "codigo de verificacao",
    "reserva",
    "clave",
    "encomenda",
    // Romanian.
    "comanda",
    "comandă",
    "factură",
    // Czech and Slovak: order, shipment.
    "objednávka",
    "objednávky",
    "objednavka",
    "objednávku",
    "zásilka",
    "zásielka",
    // Croatian, Greek, Estonian, Lithuanian: order.
    "narudžba",
    "narudžbe",
    "narudzba",
    "παραγγελία",
    "παραγγελίας",
    "tellimus",
    "tellimuse",
    "užsakymas",
    "užsakymo",
    "uzsakymas",
    // Latvian, Ukrainian, Chinese (traditional): order.
    "pasūtījums",
    "pasūtījuma",
    "pasutijums",
    "замовлення",
    "訂單",
    // Bulgarian, Serbian: order.
    "поръчка",
    "porudžbina",
    "porudzbina",
    "поруџбина",
    // Hebrew: order, order number.
    "הזמנה",
    "מספר הזמנה",
    // French, German, Italian, Dutch, Nordic.
    "commande",
    "facture",
    "suivi",
    "colis",
    "réf",
    "référence",
    "code de vérification",
    "dossier",
    "bestellung",
    "bestellnummer",
    "bestellnr",
    "bestätigungscode",
    "rechnung",
    "rechnungsnr",
    "sendung",
    "sendungsnummer",
    "sendungsnr",
    "auftrag",
    "auftragsnr",
    "kundennummer",
    "kundennr",
    "referenz",
    "vorgang",
    "vorgangsnummer",
    "verwendungszweck",
    "ordine",
    "fattura",
    "spedizione",
    "rif",
    "riferimento",
    "codice di verifica",
    "bestelling",
    "factuur",
    "ordernummer",
    "bestelnummer",
    "kenmerk",
    "referentie",
    "trackingcode",
    "verificatiecode",
    "beställning",
    "bestilling",
    "referens",
    "engångskod",
    "verifieringskod",
    "säkerhetskod",
    "engangskode",
    "tilaus",
    "tilausnumero",
    "lasku",
    "koodi",
    "vahvistuskoodi",
    "viite",
    "viitenumero",
    "ocr",
    // Polish, Turkish.
    "zamówienie",
    "zamowienie",
    "faktura",
    "przesyłka",
    "przesyłki",
    "przesylki",
    "śledzenia",
    "sledzenia",
    "kod weryfikacyjny",
    "przelew",
    "przelewu",
    "tytuł",
    "kod",
    "kodu",
    "sipariş",
    "siparis",
    "kargo",
    "takip",
    "dekont",
    "doğrulama kodu",
    "doğrulama kodunuz",
    "dogrulama kodu",
    // Indonesian and Malay, Vietnamese, Thai.
    "pesanan",
    "resi",
    "faktur",
    "kode",
    "kode verifikasi",
    "transaksi",
    "vận đơn",
    "mã đơn",
    "đơn hàng",
    "đơn",
    "giao dịch",
    "mã xác thực",
    "เลขที่รายการ",
    "รหัสยืนยัน",
    "ออเดอร์",
    "พัสดุ",
    // Hindi, Russian.
    "ऑर्डर",
    "ओटीपी",
    "заказ",
    "счет",
    "счёт",
    "трек",
    "трек-номер",
    "код",
    "операции",
    "операция",
    "подтверждения",
    "квитанция",
    // Chinese, Japanese, Korean.
    "订单",
    "单号",
    "快递",
    "验证码",
    "流水号",
    "注文",
    "追跡番号",
    "お問い合わせ番号",
    "受付番号",
    "確認コード",
    "認証コード",
    "주문",
    "주문번호",
    "거래번호",
    "송장",
    "인증번호",
    // Arabic, Urdu.
    "طلب",
    "فاتورة",
    "الشحنة",
    "شحنة",
    "التتبع",
    "تتبع",
    "رمز",
    "رمز التحقق",
    "العملية",
    "مرجع",
    "آرڈر",
    // Irish company numbers.
    "cro",
    // A bank's or a branch's code (`Routing number: 121042882`, `sort
    // code 20-00-00`, `BSB 062-000`): the bank's, not its customer's.
    "routing",
    "sort code",
    "bsb",
    // Clauses and sections of a text (`see clause 6.12.25.28.51.50`).
    "clause",
    "section",
    "article",
    "paragraph",
    "chapter",
    "cláusula",
    "clausula",
    "sección",
    "seção",
    "artículo",
    "artigo",
    "paragraphe",
    "abschnitt",
    "absatz",
    "artikel",
    "pasal",
    "ayat",
];

/// Price and amount words (`phone price 1234567`, `valor 98765432`): the
/// number after one is an amount, for every detector, like a
/// [`REFERENCE_WORDS`] word (read with them).
pub(crate) static PRICE_WORDS: &[&str] = &[
    "price",
    "amount",
    "cost",
    "preço",
    "preco",
    "precio",
    "valor",
    "prix",
    "montant",
    "preis",
    "betrag",
    "prezzo",
    "importo",
    "prijs",
    "bedrag",
    "cena",
    "kwota",
    "fiyat",
    "tutar",
    "harga",
    "jumlah",
    "giá",
    "ราคา",
    "цена",
    "сумма",
    "कीमत",
    "سعر",
    "قیمت",
    // What a job or a flat costs: ranges of them (`salary 92500-97500`)
    // read as a mobile split in two.
    "salary",
    "rent",
    "budget",
    "ctc",
    "fees",
    "sueldo",
    "salario",
    "salário",
    "aluguel",
    "gaji",
    "maaş",
    "वेतन",
    "किराया",
    "راتب",
];

/// [`REFERENCE_WORDS`] that are references only when written in capitals:
/// `TID`, a transaction's ID on JazzCash's, Easypaisa's and banks' receipts
/// (`TID 8655473834`), is Swedish and Danish for "time" in lower case (`Din
/// tid: 070-123 45 67`).
pub(crate) static UPPER_REFERENCE_WORDS: &[&str] = &["TID"];

/// Veto words of identifiers only, on top of [`REFERENCE_WORDS`]: cards
/// and documents that are not the person's identity, and software versions.
static NEGATIVE: &[&str] = &[
    "sim card",
    "simcard",
    "ration card",
    "upi",
    "version",
    "build",
    "sr",
    "request",
    // An electricity meter written `Meter 45123456789` (eleven digits in
    // Nigeria, as a NIN). Not a phone veto: `meter reader 0803…` is a
    // person's line.
    "meter",
];

/// Words that may stand between a veto word and its number ("order no. 12",
/// "fatura numarası 12"): anything else between them (a verb, a name) means
/// the veto word is about something else (`fatura için: 17291716060` gives a
/// tax number *for* the invoice).
static CONNECTORS: &[&str] = &[
    "no",
    // `º` is a letter (the ordinal indicator), so `nº` is read as one word.
    "nº",
    "nr",
    "nro",
    "num",
    "number",
    "numbers",
    "nummer",
    "numero",
    "número",
    "numer",
    "numara",
    "numarası",
    "numarasi",
    "n",
    "id",
    "is",
    "ist",
    "es",
    "é",
    "est",
    "ref",
    "code",
    "de",
    "do",
    "da",
    "du",
    "del",
    "of",
    "the",
    "my",
    "your",
    "mi",
    "meu",
    "mon",
    "ma",
    "mein",
    "meine",
    "il",
    "la",
    "el",
    "le",
    "number:",
    "nomor",
    "no.",
    "ka",
    "ki",
    "hai",
];

/// The automaton and what each pattern means.
#[derive(Debug)]
pub(crate) struct ContextWords {
    automaton: Words,
    /// Per pattern: the kinds it names (none for a negative word) and its
    /// case.
    meaning: Vec<(KindSet, Case)>,
}

static WORDS: Lazy<ContextWords> = Lazy::new(ContextWords::build);

/// The process-wide context words, built on first use.
pub(crate) fn words() -> &'static ContextWords {
    &WORDS
}

impl ContextWords {
    fn build() -> ContextWords {
        let mut patterns: Vec<String> = Vec::new();
        let mut meaning = Vec::new();
        let mut add = |word: &str, m: (KindSet, Case)| {
            for form in crate::text::case_variants(word) {
                patterns.push(form);
                meaning.push(m);
            }
        };
        for (word, case, kinds) in KEYWORDS {
            let set = kinds.iter().fold(KindSet::EMPTY, |set, k| set | bit(k));
            add(word, (if set.is_empty() { IDENTITY } else { set }, *case));
        }
        for word in REFERENCE_WORDS.iter().chain(PRICE_WORDS).chain(NEGATIVE) {
            add(word, (KindSet::EMPTY, Case::Any));
        }
        for word in UPPER_REFERENCE_WORDS {
            add(word, (KindSet::EMPTY, Case::Upper));
        }
        for stem in NEGATIVE_STEMS {
            add(stem, (KindSet::EMPTY, Case::Stem));
        }
        // Thousands of words of every script: a DFA would take megabytes.
        let automaton = Words::new(&patterns);
        ContextWords { automaton, meaning }
    }

    /// What the keywords in the window before `start` say.
    pub(crate) fn before(&self, text: &[u8], start: usize) -> Around {
        let from = window_start(text, start);
        let window = &text[from..start];
        let mut around = Around::default();
        let mut nearest_end = 0;
        let mut nearest_start = usize::MAX;
        let mut nearest_negative = false;
        // A veto word with nothing but connector words after it to the
        // number: it beats a keyword made of connector words only (`order
        // ID no 23456789` is the order's).
        let mut veto_to_the_end = false;
        // Keywords seen so far, by where they end (a window holds a few).
        // (Where each ends, and its pattern: a set is four words.)
        let mut keywords = [(0usize, 0u32); 8];
        let mut n_keywords = 0;
        for m in self.automaton.overlapping(window) {
            let (kinds, case) = self.meaning[m.pattern().as_usize()];
            // A pattern id fits in 32 bits: there are a few thousand.
            let pattern = m.pattern().as_u32();
            let matched = &window[m.start()..m.end()];
            let (whole, end) = if case == Case::Stem {
                (starts_word(window, m.start()), word_end(window, m.end()))
            } else {
                (is_whole_word(window, m.start(), m.end()), m.end())
            };
            if !whole
                || (case == Case::Upper && matched.iter().any(u8::is_ascii_lowercase))
                || cubic_centimetres(text, from + m.start(), matched)
            {
                continue;
            }
            around.kinds |= kinds;
            if !kinds.is_empty() && n_keywords < keywords.len() {
                keywords[n_keywords] = (end, pattern);
                n_keywords += 1;
            }
            if kinds.is_empty() && !veto_to_the_end && vetoes(window, m.start(), end) {
                veto_to_the_end = true;
            }
            // The nearest word wins; at equal ends the longer (earlier
            // starting) one, so "fatura no" is not overruled by "no", nor
            // "KRA PIN" by "PIN"; a veto word wins a tie.
            let longer =
                m.start() < nearest_start || (m.start() == nearest_start && kinds.is_empty());
            if end > nearest_end || (end == nearest_end && longer) {
                nearest_end = end;
                nearest_start = m.start();
                nearest_negative = kinds.is_empty() && vetoes(window, m.start(), end);
            }
        }
        around.vetoed = nearest_negative
            || (veto_to_the_end
                && nearest_start < nearest_end
                && only_connectors(&window[nearest_start..nearest_end]));
        if nearest_negative {
            around.named_before_veto = keywords[..n_keywords]
                .iter()
                // In the same sentence: `my CPF is ok. pedido …` is not.
                .filter(|&&(end, _)| {
                    end <= nearest_start && !ends_sentence(&window[end..nearest_start])
                })
                .fold(KindSet::EMPTY, |set, &(_, pattern)| {
                    set | self.meaning[pattern as usize].0
                })
                & !IDENTITY;
        }
        around
    }
}

/// Whether `matched`, at `start` in `text`, is `cc` or `c.c` after a
/// number (`motor 1500 cc`, `150cc`, `125 C.C.`): an engine's cubic
/// centimetres, not the cédula's abbreviation.
fn cubic_centimetres(text: &[u8], start: usize, matched: &[u8]) -> bool {
    let before = &text[..start];
    let before = before.strip_suffix(b" ").unwrap_or(before);
    (matched.eq_ignore_ascii_case(b"cc") || matched.eq_ignore_ascii_case(b"c.c"))
        && before.last().is_some_and(u8::is_ascii_digit)
}

/// Whether `gap` holds a full stop and a space after a word that is no
/// abbreviation among the connector words (`no. `, `nr. `).
fn ends_sentence(gap: &[u8]) -> bool {
    gap.windows(2).enumerate().any(|(i, pair)| {
        if pair != b". " {
            return false;
        }
        let word_start = gap[..i]
            .iter()
            .rposition(|b| !b.is_ascii_alphabetic())
            .map_or(0, |p| p + 1);
        let word = &gap[word_start..i];
        !CONNECTORS.iter().any(|k| {
            k.trim_end_matches('.')
                .as_bytes()
                .eq_ignore_ascii_case(word)
        })
    })
}

/// Whether every word of `phrase` is a connector word (`ID no`, `id
/// number`): a keyword so made says nothing after a veto word.
fn only_connectors(phrase: &[u8]) -> bool {
    phrase.is_ascii()
        && phrase.iter().any(u8::is_ascii_alphabetic)
        && phrase
            .split(|b| !b.is_ascii_alphanumeric())
            .filter(|word| !word.is_empty())
            .all(|word| {
                CONNECTORS
                    .iter()
                    .any(|k| k.as_bytes().eq_ignore_ascii_case(word))
            })
}

/// Whether the veto word at `start..end` of `window` is about the number
/// that follows the window: only connector words and punctuation between.
fn vetoes(window: &[u8], start: usize, end: usize) -> bool {
    let gap = &window[end..];
    let latin = char_at(window, start).0.is_some_and(is_latin_letter);
    if !latin {
        // `订单号：`, `заказ № `: scripts and signs without our connector
        // list; a short gap is enough.
        return bstr::ByteSlice::chars(gap).count() <= 6;
    }
    let mut i = 0;
    while i < gap.len() {
        if escape_starts_at(gap, i) {
            // `\t` written as text is white space, not the word "t".
            i += 2;
            continue;
        }
        let (c, w) = char_at(gap, i);
        match c {
            Some(c) if is_alphabetic(c) => {
                let mut j = i;
                while let (Some(c), w) = char_at(gap, j) {
                    if !is_alphabetic(c) {
                        break;
                    }
                    j += w;
                }
                let word = &gap[i..j];
                if !CONNECTORS
                    .iter()
                    .any(|k| k.as_bytes().eq_ignore_ascii_case(word))
                {
                    return false;
                }
                i = j;
            }
            _ => i += w.max(1),
        }
    }
    true
}

/// The start of the context window that ends at `end`.
fn window_start(text: &[u8], end: usize) -> usize {
    let mut start = end;
    for _ in 0..WINDOW_CHARS {
        let Some(&b) = start.checked_sub(1).map(|i| &text[i]) else {
            break;
        };
        if b < 0x80 {
            // ASCII, most of the walk, decided on the byte. A line break
            // written as text (`\n`, `\r` in a double-escaped log) ends
            // the line as a real one does.
            if matches!(b, b'\n' | b'\r' | b'?' | b'!' | b';' | b'@' | b'0'..=b'9')
                || crate::text::escaped_line_break_ends_at(text, start)
            {
                break;
            }
            start -= 1;
            continue;
        }
        match char_before(text, start) {
            (None, 0) => break,
            (Some(c), _)
                if matches!(c, '？' | '！' | '；')
                    || c == crate::policy::mask::BULLET
                    || digit_value(c).is_some() =>
            {
                break
            }
            (_, width) => start -= width.max(1),
        }
    }
    // Stopped inside a token (`@ravi_k0order`, a masked value): its rest
    // is no context (see `token_rest_end`).
    let stopped_in_token = char_before(text, start)
        .0
        .is_some_and(|c| c == '@' || c == crate::policy::mask::BULLET || digit_value(c).is_some());
    if stopped_in_token {
        start = token_rest_end(text, start, end);
    }
    start
}

/// Whether a word starts at `start` (nothing alphanumeric glued before).
fn starts_word(window: &[u8], start: usize) -> bool {
    !char_before_word(window, start).is_some_and(|c| is_alphanumeric(c) || c == '_')
}

/// The character before `at`, with an escape written as text (`\t`) read
/// as the white space it stands for: the `t` is not glued to the word.
fn char_before_word(window: &[u8], at: usize) -> Option<char> {
    if escape_ends_at(window, at) {
        Some(' ')
    } else {
        char_before(window, at).0
    }
}

/// The end of the word that goes on at `at`.
fn word_end(window: &[u8], mut at: usize) -> usize {
    while let (Some(c), w) = char_at(window, at) {
        if !is_alphanumeric(c) {
            break;
        }
        at += w;
    }
    at
}

/// Keywords written in Latin letters must stand as whole words ("pin" is
/// not in "shopping"); words of scripts without spaces stand anywhere.
fn is_whole_word(window: &[u8], start: usize, end: usize) -> bool {
    let first = char_at(window, start).0;
    let last = char_before(window, end).0;
    let letter_first = first.is_some_and(|c| is_latin_letter(c) || c.is_ascii_digit());
    let letter_last = last.is_some_and(|c| is_latin_letter(c) || c.is_ascii_digit());
    let glued_before = letter_first
        && char_before_word(window, start).is_some_and(|c| is_alphanumeric(c) || c == '_');
    let glued_after = letter_last
        && char_at(window, end)
            .0
            .is_some_and(|c| is_alphanumeric(c) || c == '_');
    !glued_before && !glued_after
}

#[cfg(test)]
mod tests {
    use super::*;

    fn around(text: &str) -> Around {
        words().before(text.as_bytes(), text.len())
    }

    #[test]
    fn names_kinds_in_many_languages() {
        assert!(around("my SSN is ").names(&UsSsn));
        assert!(around("Social Security number: ").names(&UsSsn));
        assert!(around("meu CPF é ").names(&BrCpf));
        assert!(around("आधार नंबर ").names(&InAadhaar));
        assert!(around("身份证号码：").names(&CnResidentId));
        assert!(around("주민등록번호 ").names(&KrRrn));
        assert!(around("T.C. kimlik numaram ").names(&TrTckn));
        assert!(around("C.F. ").names(&ItFiscalCode));
        assert!(!around("my SSN is ").vetoed);
        assert!(around("for KYC: ").names_identity() && !around("for KYC: ").names(&UsSsn));
    }

    #[test]
    fn whole_words_and_case() {
        // "sin" is Spanish for "without"; "SIN" is the Canadian number.
        assert!(!around("sin intereses ").names(&CaSin));
        assert!(around("my SIN is ").names(&CaSin));
        assert!(!around("pinned ").vetoed);
        assert!(!around("shopping ").vetoed);
        assert!(!around("panel ").names(&InPan));
        assert!(!around("presidente ").names(&ClRut));
    }

    #[test]
    fn nearest_word_decides_the_veto() {
        // Every built-in kind has a bit of its own, apart from the generic
        // identity words' (kind 63 once shared it, and so was named by
        // "KYC" in any country).
        let mut seen = KindSet::EMPTY;
        for kind in (0..1000).filter_map(Kind::from_builtin_code) {
            let b = bit(&kind);
            assert!(
                !b.is_empty() && (b & IDENTITY).is_empty() && (b & seen).is_empty(),
                "{kind}"
            );
            seen |= b;
            // Identifiers are the codes from 10 up.
            let code = kind.builtin_code().unwrap();
            assert_eq!(IDENTIFIERS.contains(&kind), code >= 10, "{kind}");
        }
        assert!((IDENTIFIERS & IDENTITY).is_empty());
        assert!(around("order no. ").vetoed);
        // A keyword made of connector words only says nothing after a veto
        // word; any other keyword still does.
        assert!(around("order ID no ").vetoed);
        assert!(!around("ID no ").vetoed);
        assert!(!around("order done, SSN ").vetoed);
        assert!(around("SSN, not the order ").vetoed);
        assert!(!around("order done, my SSN: ").vetoed);
        assert!(around("pedido #").vetoed);
        assert!(around("Mijn bestelnummer ").vetoed);
        assert!(around("Bestellnr. ").vetoed);
        assert!(around("numer zamówienia ").vetoed);
        assert!(around("fatura no: ").vetoed);
        assert!(around("订单号：").vetoed);
        // The invoice word is about something else here.
        assert!(!around("fatura için ").vetoed);
        assert!(!around("no ref HOXBGTUNDT - ").vetoed);
        assert!(!around("for verification charge ").vetoed);
        assert!(!around("for verification: ").vetoed);
        assert!(around("मेरा ऑर्डर नंबर ").vetoed);
        assert!(around("Mi orden ").vetoed);
        assert!(around("track & trace ").vetoed);
        assert!(around("трек-номер ").vetoed);
        assert!(around("social security # ").names(&UsSsn));
        assert!(!around("social security # ").vetoed);
    }

    /// A veto word after the kind's own keyword tells what the identifier
    /// is for: the identifier is still named, in the same sentence.
    #[test]
    fn keyword_before_the_veto_word_still_names() {
        for (text, kind) in [
            ("CPF do pedido: ", BrCpf),
            ("aadhaar for the booking ", InAadhaar),
            ("aadhaar no. for booking ", InAadhaar),
            ("RUC para factura ", PeRuc),
            ("NIK untuk pesanan ", IdNik),
        ] {
            let a = around(text);
            assert!(a.vetoed && a.named_before_veto(&kind), "{text}");
        }
        for text in [
            "order ID no ",
            "my CPF is ok. pedido ",
            "pedido ",
            "KYC for the order ",
        ] {
            assert_eq!(around(text).named_before_veto, KindSet::EMPTY, "{text}");
        }
        let ids = crate::detect::ids::testutil::scan;
        assert_eq!(ids("CPF do pedido: 39053344705", Some("BR")).len(), 1);
        assert!(ids("my CPF is ok. pedido 39053344705", Some("BR")).is_empty());
    }

    /// The reference words of the markets, as people write them before a
    /// number: what follows is neither a phone number nor a card, whichever
    /// detector reads it (a valid Polish mobile number, a Luhn-valid JCB
    /// number of 17 digits).
    #[test]
    fn reference_words_of_the_markets_veto_every_detector() {
        let scanner = crate::Scanner::builder().region("PL").build().unwrap();
        for word in [
            "numer śledzenia",
            "nr przesyłki",
            "kod weryfikacyjny",
            "Referenz",
            "Vorgang",
            "Verwendungszweck",
            "kenmerk",
            "referentie",
            "bestelnummer",
            "trackingcode",
            "verificatiecode",
            "viite",
            "dossier",
            "docket no",
            "batch no.",
            "lote",
            "price",
            "valor",
            "reserva",
            "clave",
            "ID da transação",
            "código de verificación",
            "code de vérification :",
            "codice di verifica",
            "doğrulama kodunuz",
            "kode verifikasi",
            "ID transaksi",
            "mã xác thực",
            "код подтверждения",
            "квитанция №",
            "pedido nº",
            "رقم العملية",
            "مرجع",
            "رمز التحقق",
            "آرڈر نمبر",
            "ओटीपी",
            "รหัสยืนยัน",
            "ออเดอร์",
            "เลขพัสดุ",
            "追跡番号",
            "お問い合わせ番号",
            "受付番号",
            "確認コード：",
            "認証コード",
            "인증번호",
        ] {
            for number in ["512345678", "35512856135924548"] {
                let text = format!("{word} {number}");
                let found = scanner.scan(&text);
                assert!(found.is_empty(), "{text}: {found:?}");
            }
        }
        // Without the word, both are found.
        assert_eq!(scanner.scan("tel 512345678").len(), 1);
        assert_eq!(scanner.scan("karta 35512856135924548").len(), 1);
    }

    /// A veto word that is also some kind's keyword would silence that
    /// kind ("pnr" is an airline booking to the phone detector, a
    /// personnummer here).
    #[test]
    fn no_veto_word_is_a_keyword() {
        for word in REFERENCE_WORDS.iter().chain(PRICE_WORDS).chain(NEGATIVE) {
            assert!(
                !KEYWORDS
                    .iter()
                    .any(|(k, _, _)| k.eq_ignore_ascii_case(word)),
                "{word}"
            );
        }
        assert!(around("mitt pnr ").names(&SePersonnummer));
        assert!(!around("mitt pnr ").vetoed);
    }

    #[test]
    fn window_stops_at_digits_and_lines() {
        assert_eq!(around("SSN 123-45-6789 and "), Around::default());
        assert_eq!(around("SSN\n"), Around::default());
        let far = format!("SSN {} ", "x".repeat(60));
        assert_eq!(around(&far), Around::default());
    }

    #[test]
    fn escapes_written_as_text_are_white_space() {
        // A line break written as text ends the window as a real one does.
        assert_eq!(around(r"order no.\n"), Around::default());
        assert_eq!(around(r"SSN\r"), Around::default());
        assert!(around(r"order no.\t").vetoed);
        // The escape's letter is not glued to the keyword after it.
        assert!(around(r"Details:\nSSN ").names(&UsSsn));
        assert!(around(r"Details:\tSSN: ").names(&UsSsn));
        assert!(around(r"\tBestellnr. ").vetoed);
        // A real letter still glues.
        assert!(!around("xSSN ").names(&UsSsn));
    }

    #[test]
    fn survives_any_bytes() {
        let w = words();
        for text in [&b"\xff\xfeSSN \xe0"[..], b"", b"\xe4\xb8", b"#"] {
            for end in 0..=text.len() {
                let _ = w.before(text, end);
            }
        }
    }
}
