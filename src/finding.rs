//! What a scan reports: the [`Kind`] of personal data and where it was found.
//!
//! Offsets are UTF-8 byte offsets into the scanned text, end exclusive, so
//! `&text[f.start..f.end]` is the matched value. They always fall on character
//! boundaries of valid UTF-8 (and a finding never spans an invalid byte).

use std::fmt;
use std::sync::Arc;

use serde::{Deserialize, Deserializer, Serialize, Serializer};

macro_rules! kinds {
    ($( $(#[$doc:meta])* $variant:ident = $code:literal => $name:literal, )+) => {
        /// The type of personal data a [`Finding`] holds.
        ///
        /// Built-in kinds have stable snake_case names (`phone`, `email`, …) and
        /// stable numeric codes (used by the C ABI). Kinds of caller-defined
        /// detectors are [`Kind::Custom`], named by the caller.
        #[derive(Clone, Debug, PartialEq, Eq, Hash, PartialOrd, Ord)]
        #[non_exhaustive]
        pub enum Kind {
            $( $(#[$doc])* $variant, )+
            /// A kind defined by the caller (custom pattern or dictionary).
            Custom(Arc<str>),
        }

        impl Kind {
            /// Every built-in kind, in code order.
            pub const BUILTIN: &'static [Kind] = &[$(Kind::$variant,)+];

            /// The stable snake_case name of this kind.
            pub fn name(&self) -> &str {
                match self {
                    $( Kind::$variant => $name, )+
                    Kind::Custom(name) => name,
                }
            }

            /// The stable numeric code of a built-in kind; `None` for custom kinds,
            /// whose codes are assigned by the scanner that defines them.
            pub fn builtin_code(&self) -> Option<u32> {
                match self {
                    $( Kind::$variant => Some($code), )+
                    Kind::Custom(_) => None,
                }
            }

            /// The built-in kind with this code.
            pub fn from_builtin_code(code: u32) -> Option<Kind> {
                match code {
                    $( $code => Some(Kind::$variant), )+
                    _ => None,
                }
            }

            /// The built-in kind with this name (`None` for unknown names).
            pub fn from_builtin_name(name: &str) -> Option<Kind> {
                match name {
                    $( $name => Some(Kind::$variant), )+
                    _ => None,
                }
            }
        }
    };
}

kinds! {
    /// A telephone number valid for its country (normalized to E.164).
    Phone = 1 => "phone",
    /// An e-mail address (normalized with a lower-cased domain).
    Email = 2 => "email",
    /// A payment card number (PAN), Luhn- and issuer-checked.
    CreditCard = 3 => "credit_card",
    /// An International Bank Account Number, mod-97-checked.
    Iban = 4 => "iban",
    /// An IPv4 or IPv6 address.
    IpAddress = 5 => "ip_address",
    /// India UPI virtual payment address (`name@handle`, a published handle).
    UpiId = 6 => "upi_id",
    /// A domestic bank account number, named by an account keyword.
    BankAccount = 7 => "bank_account",
    /// A mobile device's IMEI (Luhn), named by a keyword.
    Imei = 8 => "imei",
    /// A Bitcoin (Base58Check, Bech32/Bech32m), Ethereum (EIP-55) or Tron
    /// (Base58Check, `T…`) address.
    CryptoAddress = 9 => "crypto_address",
    /// US Social Security Number.
    UsSsn = 10 => "us_ssn",
    /// US Individual Taxpayer Identification Number.
    UsItin = 11 => "us_itin",
    /// Brazilian individual taxpayer number (CPF).
    BrCpf = 12 => "br_cpf",
    /// Brazilian company number (CNPJ).
    BrCnpj = 13 => "br_cnpj",
    /// Indian Aadhaar number (Verhoeff).
    InAadhaar = 14 => "in_aadhaar",
    /// Indian Permanent Account Number.
    InPan = 15 => "in_pan",
    /// Mexican CURP.
    MxCurp = 16 => "mx_curp",
    /// Mexican RFC.
    MxRfc = 17 => "mx_rfc",
    /// Spanish NIF/DNI.
    EsNif = 18 => "es_nif",
    /// Spanish NIE.
    EsNie = 19 => "es_nie",
    /// Italian codice fiscale.
    ItFiscalCode = 20 => "it_fiscal_code",
    /// Polish PESEL.
    PlPesel = 21 => "pl_pesel",
    /// Dutch BSN.
    NlBsn = 22 => "nl_bsn",
    /// French NIR (social security number).
    FrNir = 23 => "fr_nir",
    /// German tax identification number (IdNr).
    DeTaxId = 24 => "de_tax_id",
    /// UK National Insurance number.
    GbNino = 25 => "gb_nino",
    /// UK NHS number.
    GbNhs = 26 => "gb_nhs",
    /// Canadian Social Insurance Number.
    CaSin = 27 => "ca_sin",
    /// Chinese resident identity card number.
    CnResidentId = 28 => "cn_resident_id",
    /// South Korean resident registration number.
    KrRrn = 29 => "kr_rrn",
    /// South African ID number.
    ZaId = 30 => "za_id",
    /// Turkish identity number (TCKN).
    TrTckn = 31 => "tr_tckn",
    /// Swedish personnummer.
    SePersonnummer = 32 => "se_personnummer",
    /// Finnish personal identity code (HETU).
    FiHetu = 33 => "fi_hetu",
    /// Argentine CUIT/CUIL.
    ArCuit = 34 => "ar_cuit",
    /// Chilean RUT/RUN.
    ClRut = 35 => "cl_rut",
    /// Colombian NIT.
    CoNit = 36 => "co_nit",
    /// Indonesian NIK.
    IdNik = 37 => "id_nik",
    /// Nigerian NIN.
    NgNin = 38 => "ng_nin",
    /// Singapore NRIC/FIN.
    SgNric = 39 => "sg_nric",
    /// Australian Tax File Number.
    AuTfn = 40 => "au_tfn",
    /// Australian Medicare card number.
    AuMedicare = 41 => "au_medicare",
    /// Indian GSTIN (goods and services tax identification number).
    InGstin = 42 => "in_gstin",
    /// Indian voter ID (EPIC).
    InVoterId = 43 => "in_voter_id",
    /// Indian passport number.
    InPassport = 44 => "in_passport",
    /// Indian Aadhaar virtual ID (VID).
    InVid = 45 => "in_vid",
    /// Mexican CLABE (interbank account number).
    MxClabe = 46 => "mx_clabe",
    /// Nigerian BVN (bank verification number).
    NgBvn = 47 => "ng_bvn",
    /// Pakistani CNIC (computerised national identity card number).
    PkCnic = 48 => "pk_cnic",
    /// Indonesian NPWP (taxpayer number).
    IdNpwp = 49 => "id_npwp",
    /// Malaysian MyKad / NRIC number.
    MyNric = 50 => "my_nric",
    /// Thai national identification number.
    ThId = 51 => "th_id",
    /// Kenyan KRA PIN (tax personal identification number).
    KeKraPin = 52 => "ke_kra_pin",
    /// UAE Emirates ID number.
    AeEmiratesId = 53 => "ae_emirates_id",
    /// Saudi national ID or iqama (resident) number.
    SaNationalId = 54 => "sa_national_id",
    /// Egyptian national ID number.
    EgNationalId = 55 => "eg_national_id",
    /// Vietnamese citizen identity card number (CCCD).
    VnCccd = 56 => "vn_cccd",
    /// A passport number (other than India's), named by a keyword.
    Passport = 57 => "passport",
    /// Ecuadorian cédula de identidad.
    EcCedula = 58 => "ec_cedula",
    /// Peruvian DNI (CUI), with or without its check character.
    PeDni = 59 => "pe_dni",
    /// Argentine DNI (documento nacional de identidad).
    ArDni = 60 => "ar_dni",
    /// Russian personal taxpayer number (ИНН, 12 digits).
    RuInn = 61 => "ru_inn",
    /// Argentine CBU or CVU (bank or wallet account, 22 digits).
    ArCbu = 62 => "ar_cbu",
    /// Ghana Card personal identification number (`GHA-` and ten digits).
    GhCard = 63 => "gh_card",
    /// Kenyan national identity card number (seven or eight digits).
    KeNationalId = 64 => "ke_national_id",
    /// Colombian cédula de ciudadanía (seven, eight or ten digits).
    CoCedula = 65 => "co_cedula",
    /// A username on another messaging or social app (Telegram, Instagram,
    /// TikTok, LINE, WeChat …), named by the app before it.
    SocialHandle = 66 => "social_handle",
    /// Brazilian PIX random key (chave aleatória): a UUID that the central
    /// bank's directory maps to a bank account, named by a PIX word.
    BrPixKey = 67 => "br_pix_key",
    /// Dominican Republic cédula de identidad y electoral (11 digits).
    DoCedula = 68 => "do_cedula",
    /// Peruvian RUC (taxpayer number) of a person: `10` and the holder's
    /// DNI, or `15`/`17` for people without one.
    PeRuc = 69 => "pe_ruc",
    /// Sri Lankan national identity card number (NIC), old (`…V`) or new
    /// (12 digits).
    LkNic = 70 => "lk_nic",
    /// Venezuelan cédula de identidad (`V-12345678`), also inside a
    /// person's RIF.
    VeCedula = 71 => "ve_cedula",
    /// Kuwaiti civil ID number (الرقم المدني, 12 digits).
    KwCivilId = 72 => "kw_civil_id",
    /// Bangladeshi national identity card number (NID: 10, 13 or 17 digits).
    BdNid = 73 => "bd_nid",
    /// Moroccan national identity card number (CIN: letters and digits).
    MaCin = 74 => "ma_cin",
    /// Tanzanian national identification number (NIDA, 20 digits).
    TzNida = 75 => "tz_nida",
    /// Zambian national registration card number (NRC, `123456/78/1`).
    ZmNrc = 76 => "zm_nrc",
    /// Guatemalan CUI, the number of the DPI (13 digits).
    GtDpi = 77 => "gt_dpi",
    /// Indian driving licence number (state, RTO, year, serial: 15 characters).
    InDrivingLicence = 78 => "in_driving_licence",
    /// Mexican social security number (NSS, IMSS: 11 digits, Luhn).
    MxNss = 79 => "mx_nss",
    /// Philippine SSS number (Social Security System, 10 digits).
    PhSss = 80 => "ph_sss",
    /// Philippine TIN (BIR taxpayer number, 9 digits and a branch code).
    PhTin = 81 => "ph_tin",
    /// Philippine PhilSys number (PSN or PCN of the national ID, 16 digits).
    PhPhilsys = 82 => "ph_philsys",
    /// Uruguayan cédula de identidad (`1.234.567-2`).
    UyCi = 83 => "uy_ci",
    /// Costa Rican cédula de identidad (`1-1234-5678`).
    CrCedula = 84 => "cr_cedula",
    /// Honduran DNI (`0801-1990-12345`).
    HnDni = 85 => "hn_dni",
    /// Nicaraguan cédula de identidad (`001-010190-0001A`).
    NiCedula = 86 => "ni_cedula",
    /// Israeli identity number (teudat zehut, 9 digits, Luhn).
    IlIdnr = 87 => "il_idnr",
    /// Portuguese tax number of a person (NIF, número de contribuinte).
    PtNif = 88 => "pt_nif",
    /// Portuguese citizen card number (Cartão de Cidadão, `12345678 9 ZZ4`).
    PtCc = 89 => "pt_cc",
    /// Romanian personal numeric code (CNP, 13 digits).
    RoCnp = 90 => "ro_cnp",
    /// Belgian national register number (`85.07.30-033.28`).
    BeNn = 91 => "be_nn",
    /// Swiss social security number (AHV/AVS, `756.1234.5678.97`).
    ChAhv = 92 => "ch_ahv",
    /// Irish Personal Public Service number (PPS, `1234567T`).
    IePps = 93 => "ie_pps",
    /// Norwegian national identity number (fødselsnummer, D-number).
    NoFnr = 94 => "no_fnr",
    /// Danish CPR number (`DDMMYY-SSSS`).
    DkCpr = 95 => "dk_cpr",
    /// Czech and Slovak birth number (rodné číslo, `YYMMDD/XXXX`).
    CzRc = 96 => "cz_rc",
    /// Austrian social insurance number (`1234 010180`).
    AtSvnr = 97 => "at_svnr",
    /// Hong Kong identity card number (HKID, `A123456(3)`).
    HkHkid = 98 => "hk_hkid",
    /// Croatian personal identification number (OIB, 11 digits).
    HrOib = 99 => "hr_oib",
    /// Greek social security number (AMKA, 11 digits).
    GrAmka = 100 => "gr_amka",
    /// Estonian personal identification code (isikukood, 11 digits).
    EeIsikukood = 101 => "ee_isikukood",
    /// Lithuanian personal code (asmens kodas, 11 digits).
    LtAsmensKodas = 102 => "lt_asmens_kodas",
    /// Bulgarian unified civil number (EGN, 10 digits).
    BgEgn = 103 => "bg_egn",
    /// Serbian (former Yugoslav) master citizen number (JMBG, EMŠO, 13 digits).
    RsJmbg = 104 => "rs_jmbg",
    /// Latvian personal code (personas kods, 11 digits).
    LvPersonasKods = 105 => "lv_personas_kods",
    /// Taiwan national identification number (a letter and 9 digits).
    TwId = 106 => "tw_id",
    /// Greek tax identification number (AFM, 9 digits).
    GrAfm = 107 => "gr_afm",
    /// Ukrainian individual taxpayer number (RNOKPP, IPN, 10 digits).
    UaRnokpp = 108 => "ua_rnokpp",
    /// Japanese Individual Number (My Number, 12 digits).
    JpMyNumber = 109 => "jp_my_number",
    /// El Salvador tax number (NIT, 14 digits).
    SvNit = 110 => "sv_nit",
    /// El Salvador identity document number (DUI, 8 digits and a check digit).
    SvDui = 111 => "sv_dui",
    /// Paraguay tax number (RUC: a cédula number and a check digit).
    PyRuc = 112 => "py_ruc",
    /// Uganda National Identification Number (NIN, 14 letters and digits).
    UgNin = 113 => "ug_nin",
    /// Philippine PhilHealth identification number (PIN, 12 digits).
    PhPhilhealth = 114 => "ph_philhealth",
    /// Philippine UMID common reference number (CRN, 12 digits).
    PhUmidCrn = 115 => "ph_umid_crn",
    /// Philippine Pag-IBIG (HDMF) membership number (MID, 12 digits).
    PhPagibig = 116 => "ph_pagibig",
    /// Brazilian PIS/PASEP, NIS or NIT (11 digits, a mod-11 check digit).
    BrPis = 117 => "br_pis",
    /// Brazilian national health card number (CNS, Cartão SUS, 15 digits).
    BrCns = 118 => "br_cns",
    /// Brazilian voter's title (título de eleitor, 12 digits).
    BrTituloEleitor = 119 => "br_titulo_eleitor",
    /// Indian ABHA number (Ayushman Bharat Health Account, 14 digits).
    InAbha = 120 => "in_abha",
    /// Mexican voter's key of the INE card (clave de elector, 18 characters).
    MxClaveElector = 121 => "mx_clave_elector",
    /// Indonesian BPJS Kesehatan (JKN-KIS) card number (13 digits).
    IdBpjs = 122 => "id_bpjs",
    /// Spanish social security number (NUSS, 12 digits, mod 97).
    EsNss = 123 => "es_nss",
    /// Indian EPFO Universal Account Number (UAN, 12 digits).
    InUan = 124 => "in_uan",
    /// Qatari ID card and residence permit number (QID, 11 digits).
    QaQid = 125 => "qa_qid",
    /// Rwandan National Identification Number (Indangamuntu, 16 digits).
    RwNid = 126 => "rw_nid",
    /// Kazakh individual identification number (IIN, ИИН, 12 digits).
    KzIin = 127 => "kz_iin",
    /// Zimbabwean national registration number (`63-2012345 P 42`).
    ZwNid = 128 => "zw_nid",
    /// Iranian national code (کد ملی, 10 digits).
    IrNationalId = 129 => "ir_national_id",
    /// Cuban identity number (carnet de identidad, 11 digits).
    CuNi = 130 => "cu_ni",
    /// Russian individual insurance account number (SNILS, СНИЛС, 11 digits).
    RuSnils = 131 => "ru_snils",
    /// Brazilian driving licence registration number (CNH, 11 digits).
    BrCnh = 132 => "br_cnh",
    /// Brazilian state identity card number (RG, registro geral).
    BrRg = 133 => "br_rg",
    /// Argentine transfer alias of a CBU or CVU (`juan.perez.mp`), named
    /// by the word `alias`.
    ArCbuAlias = 134 => "ar_cbu_alias",
    /// Egyptian InstaPay payment address (IPA, `name@instapay`).
    EgInstapay = 135 => "eg_instapay",
    /// German social insurance number (Sozialversicherungsnummer, RVNR, `65 170839 J 003`).
    DeSvnr = 136 => "de_svnr",
}

impl Kind {
    /// The kind with this name: a built-in kind when the name is one, else a
    /// custom kind of that name.
    pub fn from_name(name: &str) -> Kind {
        Kind::from_builtin_name(name).unwrap_or_else(|| Kind::Custom(Arc::from(name)))
    }

    /// Whether values of this kind are addresses, `name@domain`: e-mail
    /// addresses and the payment addresses written like them (a UPI ID,
    /// an InstaPay address). The default mask shows their domain
    /// (`r•••@example.com`), and one spelled out (`ravi at gmail dot com`)
    /// is replaced whole.
    ///
    /// ```
    /// use piimask::Kind;
    /// assert!(Kind::UpiId.is_address());
    /// assert!(!Kind::Phone.is_address());
    /// ```
    pub fn is_address(&self) -> bool {
        matches!(self, Kind::Email | Kind::UpiId | Kind::EgInstapay)
    }
}

impl fmt::Display for Kind {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.name())
    }
}

impl Serialize for Kind {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        serializer.serialize_str(self.name())
    }
}

impl<'de> Deserialize<'de> for Kind {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        let name = <std::borrow::Cow<'de, str>>::deserialize(deserializer)?;
        Ok(Kind::from_name(&name))
    }
}

/// One piece of personal data found in a text.
///
/// Its `Debug` output leaves the value out (`normalized: <13 bytes>`):
/// findings get logged, and logs must not hold the personal data the
/// scanner exists to hide. Read [`normalized`](Self::normalized) when the
/// value is what you want.
#[derive(Clone, PartialEq, Serialize, Deserialize)]
pub struct Finding {
    /// What it is.
    pub kind: Kind,
    /// UTF-8 byte offset of the first byte.
    pub start: usize,
    /// UTF-8 byte offset one past the last byte.
    pub end: usize,
    /// How sure the detector is, in `0.0..=1.0`. Validated values written in
    /// an unambiguous form score above 0.9; values that needed context less.
    pub confidence: f32,
    /// The canonical value: E.164 for phones, the address with a lower-cased
    /// domain for e-mails, digits only for cards and most IDs.
    pub normalized: String,
}

impl fmt::Debug for Finding {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        /// Stands in for the value: its length only.
        struct Withheld(usize);
        impl fmt::Debug for Withheld {
            fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
                write!(f, "<{} bytes>", self.0)
            }
        }
        f.debug_struct("Finding")
            .field("kind", &self.kind)
            .field("start", &self.start)
            .field("end", &self.end)
            .field("confidence", &self.confidence)
            .field("normalized", &Withheld(self.normalized.len()))
            .finish()
    }
}

impl Finding {
    /// The byte range of the finding in the scanned text.
    pub fn range(&self) -> std::ops::Range<usize> {
        self.start..self.end
    }

    /// Length in bytes.
    pub fn len(&self) -> usize {
        self.end - self.start
    }

    /// Whether the span is empty (never true for findings a scanner reports).
    pub fn is_empty(&self) -> bool {
        self.end == self.start
    }

    /// Whether two findings share at least one byte.
    pub fn overlaps(&self, other: &Finding) -> bool {
        self.start < other.end && other.start < self.end
    }
}

/// `base` raised by `bonus`, both set in hundredths, as a hundredth: the
/// sum in `f32` is not one (`0.96 + 0.01` is `0.96999997`), which JSON
/// output would show and a threshold of `0.97` would drop.
pub(crate) fn raised_confidence(base: f32, bonus: f32) -> f32 {
    ((base + bonus) * 100.0).round() / 100.0
}

/// Orders candidates for overlap resolution: the better one sorts first.
/// Higher confidence wins, then the longer span, then the earlier start, then
/// the kind's order, so the result never depends on detector order.
pub(crate) fn preference(a: &Finding, b: &Finding) -> std::cmp::Ordering {
    b.confidence
        .total_cmp(&a.confidence)
        .then_with(|| b.len().cmp(&a.len()))
        .then_with(|| a.start.cmp(&b.start))
        .then_with(|| a.kind.cmp(&b.kind))
}

/// Keeps a deterministic, non-overlapping subset of `findings`, sorted by
/// start. Linear when the input is already sorted and disjoint (the common
/// case), `O(n log n)` otherwise.
///
/// Returns whether a candidate it dropped reached beyond the finding that
/// won over it: once that finding is masked, the rest of the candidate's
/// text may read as a value of its own (see `Scanner`'s masked reads).
#[inline(never)]
pub(crate) fn resolve_overlaps(findings: &mut Vec<Finding>) -> bool {
    if findings.len() < 2 {
        return false;
    }
    findings.sort_by(|a, b| a.start.cmp(&b.start).then_with(|| preference(a, b)));
    if findings.windows(2).all(|w| w[0].end <= w[1].start) {
        return false;
    }
    let mut ranked: Vec<Finding> = std::mem::take(findings);
    ranked.sort_by(preference);
    // Accepted spans keyed by start; disjoint, so a neighbour check suffices.
    let mut accepted: std::collections::BTreeMap<usize, Finding> = Default::default();
    let mut dropped_beyond = false;
    for f in ranked {
        match accepted.range(..f.end).next_back() {
            Some((_, prev)) if prev.end > f.start => {
                dropped_beyond |= f.start < prev.start || prev.end < f.end;
            }
            _ => {
                accepted.insert(f.start, f);
            }
        }
    }
    findings.extend(accepted.into_values());
    dropped_beyond
}

#[cfg(test)]
mod tests {
    use super::*;

    fn f(kind: Kind, start: usize, end: usize, confidence: f32) -> Finding {
        Finding {
            kind,
            start,
            end,
            confidence,
            normalized: String::new(),
        }
    }

    #[test]
    fn raised_confidences_are_hundredths() {
        assert_eq!(raised_confidence(0.96, 0.01), 0.97);
        assert_eq!(raised_confidence(0.9, 0.02), 0.92);
        assert_eq!(raised_confidence(0.93, 0.0), 0.93);
        // As JSON shows them.
        let json = serde_json::to_string(&raised_confidence(0.96, 0.01)).unwrap();
        assert_eq!(json, "0.97");
        // An ID at home named by its keyword, end to end.
        let scanner = crate::Scanner::builder().region("BR").build().unwrap();
        let found = scanner.scan("meu CPF: 123.456.789-09");
        assert_eq!(found.len(), 1);
        assert_eq!(found[0].confidence, 0.99);
        let found = scanner.scan("123.456.789-09");
        assert_eq!(found[0].confidence, 0.97);
    }

    #[test]
    fn debug_withholds_the_value() {
        let mut finding = f(Kind::Phone, 3, 18, 0.95);
        finding.normalized = "+919876543210".into();
        let debug = format!("{finding:?} {finding:#?}");
        assert!(!debug.contains("9876543210"), "{debug}");
        assert!(
            debug.contains("<13 bytes>") && debug.contains("Phone"),
            "{debug}"
        );
    }

    #[test]
    fn names_round_trip() {
        for kind in Kind::BUILTIN {
            assert_eq!(Kind::from_name(kind.name()), *kind);
            let code = kind.builtin_code().unwrap();
            assert_eq!(Kind::from_builtin_code(code).as_ref(), Some(kind));
        }
        assert_eq!(
            Kind::from_name("customer_name"),
            Kind::Custom("customer_name".into())
        );
    }

    #[test]
    fn serde_uses_snake_case_names() {
        let json = serde_json::to_string(&f(Kind::CreditCard, 1, 5, 0.9)).unwrap();
        assert!(json.contains(r#""kind":"credit_card""#), "{json}");
        let back: Finding = serde_json::from_str(&json).unwrap();
        assert_eq!(back.kind, Kind::CreditCard);
    }

    #[test]
    fn overlaps_prefer_confidence_then_length() {
        let mut v = vec![
            f(Kind::Phone, 0, 10, 0.8),
            f(Kind::InAadhaar, 0, 14, 0.9),
            f(Kind::Email, 20, 30, 0.5),
            f(Kind::Phone, 25, 40, 0.5),
        ];
        // The e-mail address reached beyond the number that won over it.
        assert!(resolve_overlaps(&mut v));
        assert_eq!(v.len(), 2);
        assert_eq!(v[0].kind, Kind::InAadhaar);
        // Equal confidence: the longer span wins.
        assert_eq!((v[1].kind.clone(), v[1].start), (Kind::Phone, 25));
    }

    #[test]
    fn says_whether_a_dropped_candidate_reached_beyond_the_winner() {
        // Inside the winner: masking it masks the candidate too.
        let mut inside = vec![f(Kind::Phone, 2, 10, 0.8), f(Kind::InAadhaar, 0, 14, 0.9)];
        assert!(!resolve_overlaps(&mut inside));
        // Sticking out on either side, or across two winners.
        for (start, end) in [(0, 12), (4, 16), (0, 30)] {
            let mut v = vec![
                f(Kind::Email, start, end, 0.5),
                f(Kind::Phone, 2, 14, 0.9),
                f(Kind::Phone, 18, 26, 0.9),
            ];
            assert!(resolve_overlaps(&mut v), "{start}..{end}");
        }
        // Nothing dropped.
        let mut apart = vec![f(Kind::Phone, 0, 5, 0.8), f(Kind::Email, 5, 9, 0.8)];
        assert!(!resolve_overlaps(&mut apart));
        assert_eq!(apart.len(), 2);
    }

    #[test]
    fn resolution_is_order_independent() {
        let a = vec![
            f(Kind::Phone, 0, 10, 0.8),
            f(Kind::UsSsn, 5, 15, 0.8),
            f(Kind::Email, 12, 20, 0.8),
        ];
        let mut b = a.clone();
        b.reverse();
        let mut a = a;
        resolve_overlaps(&mut a);
        resolve_overlaps(&mut b);
        assert_eq!(a, b);
        assert!(a.windows(2).all(|w| w[0].end <= w[1].start));
    }
}
