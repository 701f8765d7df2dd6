//! Kind codes as C constants: `PIIMASK_KIND_<NAME>` for every built-in
//! kind, the codes `piimask_finding.kind` carries (stable across versions).
//! A test checks each against the library's own table.

/// Kind `phone`. A telephone number valid for its country (normalized to E.164).
pub const PIIMASK_KIND_PHONE: u32 = 1;
/// Kind `email`. An e-mail address (normalized with a lower-cased domain).
pub const PIIMASK_KIND_EMAIL: u32 = 2;
/// Kind `credit_card`. A payment card number (PAN), Luhn- and issuer-checked.
pub const PIIMASK_KIND_CREDIT_CARD: u32 = 3;
/// Kind `iban`. An International Bank Account Number, mod-97-checked.
pub const PIIMASK_KIND_IBAN: u32 = 4;
/// Kind `ip_address`. An IPv4 or IPv6 address.
pub const PIIMASK_KIND_IP_ADDRESS: u32 = 5;
/// Kind `upi_id`. India UPI virtual payment address (`name@handle`, a published handle).
pub const PIIMASK_KIND_UPI_ID: u32 = 6;
/// Kind `bank_account`. A domestic bank account number, named by an account keyword.
pub const PIIMASK_KIND_BANK_ACCOUNT: u32 = 7;
/// Kind `imei`. A mobile device's IMEI (Luhn), named by a keyword.
pub const PIIMASK_KIND_IMEI: u32 = 8;
/// Kind `crypto_address`. A Bitcoin (Base58Check, Bech32/Bech32m), Ethereum (EIP-55) or Tron (Base58Check, `T…`) address.
pub const PIIMASK_KIND_CRYPTO_ADDRESS: u32 = 9;
/// Kind `us_ssn`. US Social Security Number.
pub const PIIMASK_KIND_US_SSN: u32 = 10;
/// Kind `us_itin`. US Individual Taxpayer Identification Number.
pub const PIIMASK_KIND_US_ITIN: u32 = 11;
/// Kind `br_cpf`. Brazilian individual taxpayer number (CPF).
pub const PIIMASK_KIND_BR_CPF: u32 = 12;
/// Kind `br_cnpj`. Brazilian company number (CNPJ).
pub const PIIMASK_KIND_BR_CNPJ: u32 = 13;
/// Kind `in_aadhaar`. Indian Aadhaar number (Verhoeff).
pub const PIIMASK_KIND_IN_AADHAAR: u32 = 14;
/// Kind `in_pan`. Indian Permanent Account Number.
pub const PIIMASK_KIND_IN_PAN: u32 = 15;
/// Kind `mx_curp`. Mexican CURP.
pub const PIIMASK_KIND_MX_CURP: u32 = 16;
/// Kind `mx_rfc`. Mexican RFC.
pub const PIIMASK_KIND_MX_RFC: u32 = 17;
/// Kind `es_nif`. Spanish NIF/DNI.
pub const PIIMASK_KIND_ES_NIF: u32 = 18;
/// Kind `es_nie`. Spanish NIE.
pub const PIIMASK_KIND_ES_NIE: u32 = 19;
/// Kind `it_fiscal_code`. Italian codice fiscale.
pub const PIIMASK_KIND_IT_FISCAL_CODE: u32 = 20;
/// Kind `pl_pesel`. Polish PESEL.
pub const PIIMASK_KIND_PL_PESEL: u32 = 21;
/// Kind `nl_bsn`. Dutch BSN.
pub const PIIMASK_KIND_NL_BSN: u32 = 22;
/// Kind `fr_nir`. French NIR (social security number).
pub const PIIMASK_KIND_FR_NIR: u32 = 23;
/// Kind `de_tax_id`. German tax identification number (IdNr).
pub const PIIMASK_KIND_DE_TAX_ID: u32 = 24;
/// Kind `gb_nino`. UK National Insurance number.
pub const PIIMASK_KIND_GB_NINO: u32 = 25;
/// Kind `gb_nhs`. UK NHS number.
pub const PIIMASK_KIND_GB_NHS: u32 = 26;
/// Kind `ca_sin`. Canadian Social Insurance Number.
pub const PIIMASK_KIND_CA_SIN: u32 = 27;
/// Kind `cn_resident_id`. Chinese resident identity card number.
pub const PIIMASK_KIND_CN_RESIDENT_ID: u32 = 28;
/// Kind `kr_rrn`. South Korean resident registration number.
pub const PIIMASK_KIND_KR_RRN: u32 = 29;
/// Kind `za_id`. South African ID number.
pub const PIIMASK_KIND_ZA_ID: u32 = 30;
/// Kind `tr_tckn`. Turkish identity number (TCKN).
pub const PIIMASK_KIND_TR_TCKN: u32 = 31;
/// Kind `se_personnummer`. Swedish personnummer.
pub const PIIMASK_KIND_SE_PERSONNUMMER: u32 = 32;
/// Kind `fi_hetu`. Finnish personal identity code (HETU).
pub const PIIMASK_KIND_FI_HETU: u32 = 33;
/// Kind `ar_cuit`. Argentine CUIT/CUIL.
pub const PIIMASK_KIND_AR_CUIT: u32 = 34;
/// Kind `cl_rut`. Chilean RUT/RUN.
pub const PIIMASK_KIND_CL_RUT: u32 = 35;
/// Kind `co_nit`. Colombian NIT.
pub const PIIMASK_KIND_CO_NIT: u32 = 36;
/// Kind `id_nik`. Indonesian NIK.
pub const PIIMASK_KIND_ID_NIK: u32 = 37;
/// Kind `ng_nin`. Nigerian NIN.
pub const PIIMASK_KIND_NG_NIN: u32 = 38;
/// Kind `sg_nric`. Singapore NRIC/FIN.
pub const PIIMASK_KIND_SG_NRIC: u32 = 39;
/// Kind `au_tfn`. Australian Tax File Number.
pub const PIIMASK_KIND_AU_TFN: u32 = 40;
/// Kind `au_medicare`. Australian Medicare card number.
pub const PIIMASK_KIND_AU_MEDICARE: u32 = 41;
/// Kind `in_gstin`. Indian GSTIN (goods and services tax identification number).
pub const PIIMASK_KIND_IN_GSTIN: u32 = 42;
/// Kind `in_voter_id`. Indian voter ID (EPIC).
pub const PIIMASK_KIND_IN_VOTER_ID: u32 = 43;
/// Kind `in_passport`. Indian passport number.
pub const PIIMASK_KIND_IN_PASSPORT: u32 = 44;
/// Kind `in_vid`. Indian Aadhaar virtual ID (VID).
pub const PIIMASK_KIND_IN_VID: u32 = 45;
/// Kind `mx_clabe`. Mexican CLABE (interbank account number).
pub const PIIMASK_KIND_MX_CLABE: u32 = 46;
/// Kind `ng_bvn`. Nigerian BVN (bank verification number).
pub const PIIMASK_KIND_NG_BVN: u32 = 47;
/// Kind `pk_cnic`. Pakistani CNIC (computerised national identity card number).
pub const PIIMASK_KIND_PK_CNIC: u32 = 48;
/// Kind `id_npwp`. Indonesian NPWP (taxpayer number).
pub const PIIMASK_KIND_ID_NPWP: u32 = 49;
/// Kind `my_nric`. Malaysian MyKad / NRIC number.
pub const PIIMASK_KIND_MY_NRIC: u32 = 50;
/// Kind `th_id`. Thai national identification number.
pub const PIIMASK_KIND_TH_ID: u32 = 51;
/// Kind `ke_kra_pin`. Kenyan KRA PIN (tax personal identification number).
pub const PIIMASK_KIND_KE_KRA_PIN: u32 = 52;
/// Kind `ae_emirates_id`. UAE Emirates ID number.
pub const PIIMASK_KIND_AE_EMIRATES_ID: u32 = 53;
/// Kind `sa_national_id`. Saudi national ID or iqama (resident) number.
pub const PIIMASK_KIND_SA_NATIONAL_ID: u32 = 54;
/// Kind `eg_national_id`. Egyptian national ID number.
pub const PIIMASK_KIND_EG_NATIONAL_ID: u32 = 55;
/// Kind `vn_cccd`. Vietnamese citizen identity card number (CCCD).
pub const PIIMASK_KIND_VN_CCCD: u32 = 56;
/// Kind `passport`. A passport number (other than India's), named by a keyword.
pub const PIIMASK_KIND_PASSPORT: u32 = 57;
/// Kind `ec_cedula`. Ecuadorian cédula de identidad.
pub const PIIMASK_KIND_EC_CEDULA: u32 = 58;
/// Kind `pe_dni`. Peruvian DNI (CUI), with or without its check character.
pub const PIIMASK_KIND_PE_DNI: u32 = 59;
/// Kind `ar_dni`. Argentine DNI (documento nacional de identidad).
pub const PIIMASK_KIND_AR_DNI: u32 = 60;
/// Kind `ru_inn`. Russian personal taxpayer number (ИНН, 12 digits).
pub const PIIMASK_KIND_RU_INN: u32 = 61;
/// Kind `ar_cbu`. Argentine CBU or CVU (bank or wallet account, 22 digits).
pub const PIIMASK_KIND_AR_CBU: u32 = 62;
/// Kind `gh_card`. Ghana Card personal identification number (`GHA-` and ten digits).
pub const PIIMASK_KIND_GH_CARD: u32 = 63;
/// Kind `ke_national_id`. Kenyan national identity card number (seven or eight digits).
pub const PIIMASK_KIND_KE_NATIONAL_ID: u32 = 64;
/// Kind `co_cedula`. Colombian cédula de ciudadanía (seven, eight or ten digits).
pub const PIIMASK_KIND_CO_CEDULA: u32 = 65;
/// Kind `social_handle`. A username on another messaging or social app (Telegram, Instagram, TikTok, LINE, WeChat …), named by the app before it.
pub const PIIMASK_KIND_SOCIAL_HANDLE: u32 = 66;
/// Kind `br_pix_key`. Brazilian PIX random key (chave aleatória): a UUID that the central bank's directory maps to a bank account, named by a PIX word.
pub const PIIMASK_KIND_BR_PIX_KEY: u32 = 67;
/// Kind `do_cedula`. Dominican Republic cédula de identidad y electoral (11 digits).
pub const PIIMASK_KIND_DO_CEDULA: u32 = 68;
/// Kind `pe_ruc`. Peruvian RUC (taxpayer number) of a person: `10` and the holder's DNI, or `15`/`17` for people without one.
pub const PIIMASK_KIND_PE_RUC: u32 = 69;
/// Kind `lk_nic`. Sri Lankan national identity card number (NIC), old (`…V`) or new (12 digits).
pub const PIIMASK_KIND_LK_NIC: u32 = 70;
/// Kind `ve_cedula`. Venezuelan cédula de identidad (`V-12345678`), also inside a person's RIF.
pub const PIIMASK_KIND_VE_CEDULA: u32 = 71;
/// Kind `kw_civil_id`. Kuwaiti civil ID number (الرقم المدني, 12 digits).
pub const PIIMASK_KIND_KW_CIVIL_ID: u32 = 72;
/// Kind `bd_nid`. Bangladeshi national identity card number (NID: 10, 13 or 17 digits).
pub const PIIMASK_KIND_BD_NID: u32 = 73;
/// Kind `ma_cin`. Moroccan national identity card number (CIN: letters and digits).
pub const PIIMASK_KIND_MA_CIN: u32 = 74;
/// Kind `tz_nida`. Tanzanian national identification number (NIDA, 20 digits).
pub const PIIMASK_KIND_TZ_NIDA: u32 = 75;
/// Kind `zm_nrc`. Zambian national registration card number (NRC, `123456/78/1`).
pub const PIIMASK_KIND_ZM_NRC: u32 = 76;
/// Kind `gt_dpi`. Guatemalan CUI, the number of the DPI (13 digits).
pub const PIIMASK_KIND_GT_DPI: u32 = 77;
/// Kind `in_driving_licence`. Indian driving licence number (state, RTO, year, serial: 15 characters).
pub const PIIMASK_KIND_IN_DRIVING_LICENCE: u32 = 78;
/// Kind `mx_nss`. Mexican social security number (NSS, IMSS: 11 digits, Luhn).
pub const PIIMASK_KIND_MX_NSS: u32 = 79;
/// Kind `ph_sss`. Philippine SSS number (Social Security System, 10 digits).
pub const PIIMASK_KIND_PH_SSS: u32 = 80;
/// Kind `ph_tin`. Philippine TIN (BIR taxpayer number, 9 digits and a branch code).
pub const PIIMASK_KIND_PH_TIN: u32 = 81;
/// Kind `ph_philsys`. Philippine PhilSys number (PSN or PCN of the national ID, 16 digits).
pub const PIIMASK_KIND_PH_PHILSYS: u32 = 82;
/// Kind `uy_ci`. Uruguayan cédula de identidad (`1.234.567-2`).
pub const PIIMASK_KIND_UY_CI: u32 = 83;
/// Kind `cr_cedula`. Costa Rican cédula de identidad (`1-1234-5678`).
pub const PIIMASK_KIND_CR_CEDULA: u32 = 84;
/// Kind `hn_dni`. Honduran DNI (`0801-1990-12345`).
pub const PIIMASK_KIND_HN_DNI: u32 = 85;
/// Kind `ni_cedula`. Nicaraguan cédula de identidad (`001-010190-0001A`).
pub const PIIMASK_KIND_NI_CEDULA: u32 = 86;
/// Kind `il_idnr`. Israeli identity number (teudat zehut, 9 digits, Luhn).
pub const PIIMASK_KIND_IL_IDNR: u32 = 87;
/// Kind `pt_nif`. Portuguese tax number of a person (NIF, número de contribuinte).
pub const PIIMASK_KIND_PT_NIF: u32 = 88;
/// Kind `pt_cc`. Portuguese citizen card number (Cartão de Cidadão, `12345678 9 ZZ4`).
pub const PIIMASK_KIND_PT_CC: u32 = 89;
/// Kind `ro_cnp`. Romanian personal numeric code (CNP, 13 digits).
pub const PIIMASK_KIND_RO_CNP: u32 = 90;
/// Kind `be_nn`. Belgian national register number (`85.07.30-033.28`).
pub const PIIMASK_KIND_BE_NN: u32 = 91;
/// Kind `ch_ahv`. Swiss social security number (AHV/AVS, `756.1234.5678.97`).
pub const PIIMASK_KIND_CH_AHV: u32 = 92;
/// Kind `ie_pps`. Irish Personal Public Service number (PPS, `1234567T`).
pub const PIIMASK_KIND_IE_PPS: u32 = 93;
/// Kind `no_fnr`. Norwegian national identity number (fødselsnummer, D-number).
pub const PIIMASK_KIND_NO_FNR: u32 = 94;
/// Kind `dk_cpr`. Danish CPR number (`DDMMYY-SSSS`).
pub const PIIMASK_KIND_DK_CPR: u32 = 95;
/// Kind `cz_rc`. Czech and Slovak birth number (rodné číslo, `YYMMDD/XXXX`).
pub const PIIMASK_KIND_CZ_RC: u32 = 96;
/// Kind `at_svnr`. Austrian social insurance number (`1234 010180`).
pub const PIIMASK_KIND_AT_SVNR: u32 = 97;
/// Kind `hk_hkid`. Hong Kong identity card number (HKID, `A123456(3)`).
pub const PIIMASK_KIND_HK_HKID: u32 = 98;
/// Kind `hr_oib`. Croatian personal identification number (OIB, 11 digits).
pub const PIIMASK_KIND_HR_OIB: u32 = 99;
/// Kind `gr_amka`. Greek social security number (AMKA, 11 digits).
pub const PIIMASK_KIND_GR_AMKA: u32 = 100;
/// Kind `ee_isikukood`. Estonian personal identification code (isikukood, 11 digits).
pub const PIIMASK_KIND_EE_ISIKUKOOD: u32 = 101;
/// Kind `lt_asmens_kodas`. Lithuanian personal code (asmens kodas, 11 digits).
pub const PIIMASK_KIND_LT_ASMENS_KODAS: u32 = 102;
/// Kind `bg_egn`. Bulgarian unified civil number (EGN, 10 digits).
pub const PIIMASK_KIND_BG_EGN: u32 = 103;
/// Kind `rs_jmbg`. Serbian (former Yugoslav) master citizen number (JMBG, EMŠO, 13 digits).
pub const PIIMASK_KIND_RS_JMBG: u32 = 104;
/// Kind `lv_personas_kods`. Latvian personal code (personas kods, 11 digits).
pub const PIIMASK_KIND_LV_PERSONAS_KODS: u32 = 105;
/// Kind `tw_id`. Taiwan national identification number (a letter and 9 digits).
pub const PIIMASK_KIND_TW_ID: u32 = 106;
/// Kind `gr_afm`. Greek tax identification number (AFM, 9 digits).
pub const PIIMASK_KIND_GR_AFM: u32 = 107;
/// Kind `ua_rnokpp`. Ukrainian individual taxpayer number (RNOKPP, IPN, 10 digits).
pub const PIIMASK_KIND_UA_RNOKPP: u32 = 108;
/// Kind `jp_my_number`. Japanese Individual Number (My Number, 12 digits).
pub const PIIMASK_KIND_JP_MY_NUMBER: u32 = 109;
/// Kind `sv_nit`. El Salvador tax number (NIT, 14 digits).
pub const PIIMASK_KIND_SV_NIT: u32 = 110;
/// Kind `sv_dui`. El Salvador identity document number (DUI, 8 digits and a check digit).
pub const PIIMASK_KIND_SV_DUI: u32 = 111;
/// Kind `py_ruc`. Paraguay tax number (RUC: a cédula number and a check digit).
pub const PIIMASK_KIND_PY_RUC: u32 = 112;
/// Kind `ug_nin`. Uganda National Identification Number (NIN, 14 letters and digits).
pub const PIIMASK_KIND_UG_NIN: u32 = 113;
/// Kind `ph_philhealth`. Philippine PhilHealth identification number (PIN, 12 digits).
pub const PIIMASK_KIND_PH_PHILHEALTH: u32 = 114;
/// Kind `ph_umid_crn`. Philippine UMID common reference number (CRN, 12 digits).
pub const PIIMASK_KIND_PH_UMID_CRN: u32 = 115;
/// Kind `ph_pagibig`. Philippine Pag-IBIG (HDMF) membership number (MID, 12 digits).
pub const PIIMASK_KIND_PH_PAGIBIG: u32 = 116;
/// Kind `br_pis`. Brazilian PIS/PASEP, NIS or NIT (11 digits, a mod-11 check digit).
pub const PIIMASK_KIND_BR_PIS: u32 = 117;
/// Kind `br_cns`. Brazilian national health card number (CNS, Cartão SUS, 15 digits).
pub const PIIMASK_KIND_BR_CNS: u32 = 118;
/// Kind `br_titulo_eleitor`. Brazilian voter's title (título de eleitor, 12 digits).
pub const PIIMASK_KIND_BR_TITULO_ELEITOR: u32 = 119;
/// Kind `in_abha`. Indian ABHA number (Ayushman Bharat Health Account, 14 digits).
pub const PIIMASK_KIND_IN_ABHA: u32 = 120;
/// Kind `mx_clave_elector`. Mexican voter's key of the INE card (clave de elector, 18 characters).
pub const PIIMASK_KIND_MX_CLAVE_ELECTOR: u32 = 121;
/// Kind `id_bpjs`. Indonesian BPJS Kesehatan (JKN-KIS) card number (13 digits).
pub const PIIMASK_KIND_ID_BPJS: u32 = 122;
/// Kind `es_nss`. Spanish social security number (NUSS, 12 digits, mod 97).
pub const PIIMASK_KIND_ES_NSS: u32 = 123;
/// Kind `in_uan`. Indian EPFO Universal Account Number (UAN, 12 digits).
pub const PIIMASK_KIND_IN_UAN: u32 = 124;
/// Kind `qa_qid`. Qatari ID card and residence permit number (QID, 11 digits).
pub const PIIMASK_KIND_QA_QID: u32 = 125;
/// Kind `rw_nid`. Rwandan National Identification Number (Indangamuntu, 16 digits).
pub const PIIMASK_KIND_RW_NID: u32 = 126;
/// Kind `kz_iin`. Kazakh individual identification number (IIN, ИИН, 12 digits).
pub const PIIMASK_KIND_KZ_IIN: u32 = 127;
/// Kind `zw_nid`. Zimbabwean national registration number (`63-2012345 P 42`).
pub const PIIMASK_KIND_ZW_NID: u32 = 128;
/// Kind `ir_national_id`. Iranian national code (کد ملی, 10 digits).
pub const PIIMASK_KIND_IR_NATIONAL_ID: u32 = 129;
/// Kind `cu_ni`. Cuban identity number (carnet de identidad, 11 digits).
pub const PIIMASK_KIND_CU_NI: u32 = 130;
/// Kind `ru_snils`. Russian individual insurance account number (SNILS, СНИЛС, 11 digits).
pub const PIIMASK_KIND_RU_SNILS: u32 = 131;
/// Kind `br_cnh`. Brazilian driving licence registration number (CNH, 11 digits).
pub const PIIMASK_KIND_BR_CNH: u32 = 132;
/// Kind `br_rg`. Brazilian state identity card number (RG, registro geral).
pub const PIIMASK_KIND_BR_RG: u32 = 133;
/// Kind `ar_cbu_alias`. Argentine transfer alias of a CBU or CVU (`juan.perez.mp`), named by the word `alias`.
pub const PIIMASK_KIND_AR_CBU_ALIAS: u32 = 134;
/// Kind `eg_instapay`. Egyptian InstaPay payment address (IPA, `name@instapay`).
pub const PIIMASK_KIND_EG_INSTAPAY: u32 = 135;
/// Kind `de_svnr`. German social insurance number (Sozialversicherungsnummer, RVNR, `65 170839 J 003`).
pub const PIIMASK_KIND_DE_SVNR: u32 = 136;

#[cfg(test)]
mod tests {
    use crate::finding::Kind;

    #[test]
    fn constants_match_the_kind_table() {
        let constants = include_str!("kinds.rs");
        let mut seen = 0;
        for line in constants.lines() {
            let Some(rest) = line.strip_prefix("pub const PIIMASK_KIND_") else {
                continue;
            };
            let (name, code) = rest.split_once(": u32 = ").unwrap();
            let code: u32 = code.trim_end_matches(';').parse().unwrap();
            let kind = Kind::from_builtin_code(code).unwrap();
            assert_eq!(kind.name().to_uppercase(), name);
            seen += 1;
        }
        assert!(seen >= 42, "{seen}");
    }
}
