#!/usr/bin/env python3
"""Writes examples/chat.jsonl: a multi-country WhatsApp sales/support chat log.

    python3 examples/make_chat.py            # rewrites examples/chat.jsonl
    python3 examples/make_chat.py --seed 3 --out /tmp/chat.jsonl

One JSON object per line:
    {"conversation": "c-017", "ts": "2026-03-02T10:15:00Z", "sender": "agent:rahul",
     "region": "IN", "text": "..."}

Conversations follow short scripts per language (sales, delivery, refunds, KYC,
payment mishaps); every phone number, e-mail, card, IBAN and ID in them comes
from the generators of tests/corpus/gen_corpus.py, so it is fake but valid per
the same oracles (phonenumbers, python-stdnum, email-validator). Deterministic
for a seed.
"""

from __future__ import annotations

import argparse
import datetime
import json
import random
import sys
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE.parent / "tests" / "corpus"))
import gen_corpus as gc  # noqa: E402

C, A = "customer", "agent"

# Each script: list of (sender, template, probability). Templates use the slots of
# gen_corpus.render_template plus conversation constants filled in first:
# {cname} customer name, {agent} agent name, {shop}, {product}, {price}, {order},
# {date}, {pay_link}; {agent_phone}/{agent_email} are the shop's own contacts.
SCRIPTS = {
    "en": [
        [(C, "Hi, do you still have the {product}? 🙂", 1),
         (A, "Hi {cname}! Yes, it's in stock: {price} with free delivery 🚚", 1),
         (C, "Great, I'll take one. Can you deliver by {date}?", 1),
         (A, "Sure 👍 Please share a contact number for the courier.", 1),
         (C, "my number is {phone}, pls call before coming", 1),
         (C, "or my brother {phone} if I don't pick up", 0.4),
         (A, "Thanks! Order placed ✅ Your order number is {order_no}. You'll get an SMS with the tracking link.", 1),
         (C, "can you email the invoice too? {email}", 0.8),
         (A, "Done, invoice sent 📧", "same"),
         (C, "Thanks a lot 🙏", 1)],
        [(C, "Hello, my order {order_no} arrived damaged 😡", 1),
         (A, "So sorry about that, {cname}! Could you send a photo of the box and the product?", 1),
         (C, "[photo] see. I paid {price} on {date}", 1),
         (A, "Thank you. I've raised a replacement request, {ticket}", 1),
         (C, "I'd rather have a refund tbh", 1),
         (A, "No problem. The refund of {price} goes back to the original payment method in 5-7 working days.", 1),
         (C, "ok. if you need anything call me on {phone}", 1),
         (A, "Noted. You can also reach our support line {agent_phone} (Mon-Sat 9am-6pm) or write to {agent_email}", 1),
         (C, "👍", 0.7)],
        [(C, "Hi! I want the {product} on EMI, what do you need?", 1),
         (A, "Hi {cname} 😊 For EMI we need an ID for KYC and a card for the auto-debit.", 1),
         (C, "{idfull}", 1),
         (C, "card {card}, exp 09/28", 1),
         (A, "⚠️ Please never share your full card number on chat! I've sent a secure payment link instead: {pay_link}", 1),
         (C, "oh sorry 😅 ok", 1),
         (A, "No worries. Your OTP for the link will come by SMS. Anything else?", 1),
         (C, "change my email on the account to {email} pls", 0.7),
         (A, "Updated ✅", "same"),
         (C, "thanks!", 1)],
    ],
    "hinglish": [
        [(C, "Hello bhaiya, {product} available hai kya?", 1),
         (A, "Namaste {cname} ji 🙏 haan available hai, {price} ka hai, COD bhi hai", 1),
         (C, "thoda kam karo na, {date} tak chahiye", 1),
         (A, "Best price yahi hai ji 😊 delivery {date} tak ho jayegi. Address aur number bhej dijiye", 1),
         (C, "mera number {phone} hai, delivery boy ko bolna call kare", 1),
         (C, "aur papa ka number {phone}", 0.5),
         (A, "Order confirm ho gaya ✅ {order}", 1),
         (C, "payment kar diya {price}, {bankref}", 0.8),
         (A, "Payment mil gaya, dhanyavaad! Bill {agent_email} se aayega", "same"),
         (C, "ok thanks bhai 👍", 1)],
        [(C, "bhai mera {order} abhi tak nahi aaya 😡", 1),
         (A, "Sorry {cname} ji, check karke batata hu... courier {tracking}", 1),
         (C, "2 din se same status hai", 1),
         (A, "Courier se baat ki, kal pakka deliver hoga. Koi issue ho to {agent_phone} pe call karna", 1),
         (C, "theek hai. KYC ke liye {idfull} bhej diya tha, wo update hua?", 0.8),
         (A, "Haan ji, KYC done hai ✅", "same"),
         (C, "🙏", 1)],
    ],
    "pt": [
        [(C, "Oi, boa tarde! Ainda tem {product}?", 1),
         (A, "Oi {cname}, tudo bem? Tem sim! Fica {price} à vista ou em 10x sem juros 😊", 1),
         (C, "Entrega pra quando? Preciso até {date}", 1),
         (A, "Chega antes sim. Me passa seu CPF pra nota fiscal e um telefone de contato", 1),
         (C, "{idfull}", 1),
         (C, "meu número é {phone}", 1),
         (A, "Pedido {order_no} confirmado ✅ Vou mandar o boleto no seu e-mail, qual é?", 1),
         (C, "{email}", 1),
         (A, "Enviado! Qualquer coisa me chama no {agent_phone}", 1),
         (C, "Valeu! 👍", 1)],
        [(C, "Oi, o pedido {order_no} ainda não chegou 😕", 1),
         (A, "Oi {cname}! Vou verificar. O {tracking} está em trânsito desde {date}", 1),
         (C, "Já faz uma semana... quero cancelar", 1),
         (A, "Entendo. Faço o estorno de {price} no pix, qual a chave? Pode ser telefone ou e-mail", 1),
         (C, "chave pix é meu e-mail {email}", 0.5),
         (C, "chave pix é o celular {phone}", 1),
         (A, "Estorno feito ✅ Comprovante enviado.", 1),
         (C, "Obrigada 🙏", 1)],
    ],
    "es": [
        [(C, "Hola! ¿Todavía tienen {product}?", 1),
         (A, "¡Hola {cname}! Sí, nos quedan pocas unidades. Está en {price}", 1),
         (C, "¿Hacen envíos? Lo necesito para el {date}", 1),
         (A, "Claro 👍 Pásame un teléfono de contacto y tu correo para la factura", 1),
         (C, "mi cel es {phone} y el correo {email}", 1),
         (C, "datos para facturar: {idfull}", 0.6),
         (A, "Listo, tu pedido es el {order_no} ✅ Te llega por paquetería", 1),
         (C, "¡Mil gracias!", 1)],
        [(C, "Buenas, mi {order} llegó incompleto 😕", 1),
         (A, "Lo siento mucho, {cname}. ¿Qué pieza falta?", 1),
         (C, "falta el cargador. Pagué {price} el {date}", 1),
         (A, "Te enviamos el cargador sin costo. ¿Confirmas tu número para el repartidor?", 1),
         (C, "sí, {phone}", 1),
         (A, "Perfecto. Si necesitas algo más escríbenos a {agent_email} o al WhatsApp {agent_phone}", 1),
         (C, "Gracias, saludos", 1)],
    ],
    "fr": [
        [(C, "Bonjour, {product} est toujours disponible ?", 1),
         (A, "Bonjour {cname} ! Oui, toujours dispo : {price}, livraison offerte 😊", 1),
         (C, "Super. Livraison possible le {date} ?", 1),
         (A, "Oui. Pouvez-vous me donner un numéro de téléphone pour le livreur ?", 1),
         (C, "mon portable : {phone}", 1),
         (A, "Commande validée ✅ n° {order_no}", 1),
         (C, "Vous pouvez m'envoyer la facture à {email} ?", 1),
         (A, "C'est envoyé. Bonne journée !", 1),
         (C, "Merci beaucoup 🙏", 1)],
    ],
    "de": [
        [(C, "Hallo, meine Bestellung ist beschädigt angekommen 😕", 1),
         (A, "Hallo {cname}, das tut mir leid! Können Sie mir Ihre Bestellnummer nennen?", 1),
         (C, "{order_no}", 1),
         (A, "Danke. Wir erstatten Ihnen {price}. Auf welches Konto?", 1),
         (C, "IBAN {iban}, Kontoinhaber {cname}", 1),
         (A, "Erstattung ist angewiesen ✅ Dauert 2-3 Werktage.", 1),
         (C, "Danke! Bei Fragen erreichen Sie mich unter {phone}", 1),
         (A, "Gerne. Unsere Hotline: {agent_phone} (Mo-Fr 9-18 Uhr). Schönen Tag noch!", 1)],
    ],
    "ar": [
        [(C, "السلام عليكم، هل {product} متوفر؟", 1),
         (A, "وعليكم السلام {cname} 🌹 نعم متوفر، السعر {price}", 1),
         (C, "ممتاز، أبغى التوصيل يوم {date}", 1),
         (A, "تمام، أرسل لي رقم الجوال للمندوب", 1),
         (C, "رقمي {phone}", 1),
         (C, "ولو ما رديت كلم أخوي {phone}", 0.5),
         (A, "تم تأكيد الطلب ✅ رقم الطلب {order_no}", 1),
         (C, "شكرا جزيلا 🙏", 1)],
        [(C, "مرحبا، {order} لم يصل حتى الآن", 1),
         (A, "نعتذر {cname}، الشحنة مع شركة التوصيل، {tracking}", 1),
         (C, "أبغى استرجاع المبلغ {price}", 1),
         (A, "أكيد، أرسل لي رقم الآيبان", 1),
         (C, "{iban}", 1),
         (A, "تم تحويل المبلغ ✅ للاستفسار: {agent_email}", 1),
         (C, "يعطيك العافية", 1)],
    ],
    "tr": [
        [(C, "Merhaba, {product} hâlâ var mı?", 1),
         (A, "Merhaba {cname} 😊 Var, fiyatı {price}", 1),
         (C, "{date} tarihine kadar gelir mi?", 1),
         (A, "Gelir. Fatura için TC kimlik no ve telefon numaranızı alabilir miyim?", 1),
         (C, "{idfull}, numaram {phone}", 1),
         (A, "Siparişiniz oluşturuldu ✅ Sipariş no: {order_no}. Ödeme için IBAN: {iban}", 1),
         (C, "Gönderdim, dekontu {email} adresinden ilettim", 1),
         (A, "Teşekkürler, iyi günler!", 1)],
    ],
    "id": [
        [(C, "Halo kak, {product} masih ada?", 1),
         (A, "Halo kak {cname} 😊 masih ada, harganya {price}", 1),
         (C, "Bisa kirim ke Bandung? sampai tanggal {date}?", 1),
         (A, "Bisa kak. Minta nomor WA untuk kurir ya", 1),
         (C, "WA: {phone}", 1),
         (A, "Siap, pesanan sudah dibuat ✅ no pesanan {order_no}", 1),
         (C, "Sudah transfer {price}, {bankref}", 1),
         (A, "Dana sudah masuk kak, makasih 🙏 Resi dikirim besok", 1),
         (C, "Makasih kak!", 1)],
    ],
    "ru": [
        [(C, "Здравствуйте! {product} ещё в наличии?", 1),
         (A, "Здравствуйте, {cname}! Да, цена {price}", 1),
         (C, "Можно доставку на {date}?", 1),
         (A, "Да. Оставьте, пожалуйста, номер телефона для курьера", 1),
         (C, "мой номер {phone}", 1),
         (A, "Заказ оформлен ✅ номер заказа {order_no}. Чек отправим на почту — какой адрес?", 1),
         (C, "{email}", 1),
         (A, "Отправили. Хорошего дня!", 1),
         (C, "Спасибо 🙏", 1)],
    ],
    "it": [
        [(C, "Ciao, {product} è ancora disponibile?", 1),
         (A, "Ciao {cname}! Sì, costa {price} con spedizione gratuita", 1),
         (C, "Ok lo prendo. Per la fattura: {idfull}", 1),
         (A, "Perfetto. Mi lasci un numero per il corriere?", 1),
         (C, "certo, {phone}", 1),
         (A, "Ordine confermato ✅ n. {order_no}", 1),
         (C, "Grazie mille!", 1)],
    ],
    "nl": [
        [(C, "Hoi, is {product} nog beschikbaar?", 1),
         (A, "Hoi {cname}! Ja, die kost {price}", 1),
         (C, "Top. Kan het {date} bezorgd worden? Mijn nummer is {phone}", 1),
         (A, "Dat lukt ✅ Je bestelnummer is {order_no}. Betalen kan via {iban} o.v.v. het bestelnummer", 1),
         (C, "Betaald! Groetjes", 1)],
    ],
    "pl": [
        [(C, "Dzień dobry, czy {product} jest jeszcze dostępny?", 1),
         (A, "Dzień dobry {cname}! Tak, cena {price}", 1),
         (C, "Poproszę. Mój numer to {phone}, a mail {email}", 1),
         (A, "Zamówienie przyjęte ✅ nr {order_no}. Przelew na konto {iban}", 1),
         (C, "Dziękuję!", 1)],
    ],
    "zh": [
        [(C, "你好，{product}还有货吗？", 1),
         (A, "亲，有货的😊 价格{price}", 1),
         (C, "好的，{date}能送到吗？收件人电话 {phone}", 1),
         (A, "可以的，订单已下 ✅ 订单号{order_no}", 1),
         (C, "发票发到 {email}", 1),
         (A, "好的亲，已发送", 1),
         (C, "谢谢", 1)],
    ],
    "ja": [
        [(C, "こんにちは、{product}はまだありますか？", 1),
         (A, "{cname}様、お問い合わせありがとうございます。在庫ございます。{price}です。", 1),
         (C, "{date}に届きますか？連絡先：{phone}", 1),
         (A, "はい、お届けできます。注文番号{order_no}で承りました。", 1),
         (C, "ありがとうございます🙏", 1)],
    ],
    "vi": [
        [(C, "Chào shop, {product} còn hàng không?", 1),
         (A, "Dạ chào {cname}, còn ạ, giá {price}", 1),
         (C, "Ship cho mình nhé, sđt {phone}", 1),
         (A, "Dạ shop đã lên đơn ✅ mã đơn {order_no}", 1),
         (C, "Cảm ơn shop!", 1)],
    ],
    "sw": [
        [(C, "Habari, {product} bado ipo?", 1),
         (A, "Nzuri {cname}! Ipo, bei ni {price}", 1),
         (C, "Sawa, nimelipa kwa M-Pesa, {bankref}. Namba yangu ni {phone}", 1),
         (A, "Tumepokea ✅ oda namba {order_no}. Mzigo utafika {date}", 1),
         (C, "Asante sana 🙏", 1)],
    ],
}

# region -> (language, weight) of the conversations, shop name
REGION_CHAT = {  # region -> ([(language, weight)], shop name, ASCII domain label)
    "IN": ([("en", 2), ("hinglish", 3)], "ShopKart", "shopkart"),
    "BR": ([("pt", 1)], "Loja Bella Casa", "lojabellacasa"), "MX": ([("es", 1)], "TiendaFácil MX", "tiendafacil"),
    "AR": ([("es", 1)], "Mercadito BA", "mercaditoba"), "CO": ([("es", 1)], "Tienda Paisa", "tiendapaisa"),
    "ES": ([("es", 1)], "Casa Moda", "casamoda"), "FR": ([("fr", 1)], "Maison Lumière", "maison-lumiere"),
    "DE": ([("de", 1)], "Technikhaus24", "technikhaus24"), "IT": ([("it", 1)], "Bottega Roma", "bottegaroma"),
    "GB": ([("en", 1)], "Brightside Home", "brightside-home"), "NL": ([("nl", 1)], "FietsenPlaza", "fietsenplaza"),
    "PL": ([("pl", 1)], "Sklep Oliwka", "sklep-oliwka"), "TR": ([("tr", 1)], "Moda Butik", "modabutik"),
    "RU": ([("ru", 1)], "МирТехники", "mirtekhniki"), "US": ([("en", 1)], "Sunset Gadgets", "sunsetgadgets"),
    "CA": ([("en", 2), ("fr", 1)], "Maple Deals", "mapledeals"), "NG": ([("en", 1)], "Lagos Mart", "lagosmart"),
    "ZA": ([("en", 1)], "Karoo Outdoor", "karoo-outdoor"),
    "KE": ([("sw", 1), ("en", 1)], "Nairobi Deals", "nairobideals"),
    "EG": ([("ar", 1)], "بازار النيل", "nilebazaar"), "SA": ([("ar", 1)], "سوق النور", "souqalnoor"),
    "AE": ([("ar", 1), ("en", 1)], "Dubai Smart Store", "dubaismart"),
    "ID": ([("id", 1)], "Toko Sinar Jaya", "sinarjaya"), "PH": ([("en", 1)], "Manila Mall Online", "manilamall"),
    "VN": ([("vi", 1)], "Shop Hoa Mai", "shophoamai"), "CN": ([("zh", 1)], "优品小店", "youpin"),
    "JP": ([("ja", 1)], "さくらストア", "sakura-store"), "AU": ([("en", 1)], "Coastline Supplies", "coastline"),
    "SG": ([("en", 1)], "Lion City Gadgets", "lioncity"), "PK": ([("en", 1)], "Lahore Bazaar", "lahorebazaar"),
}
# what a product typically costs, in local currency units
PRICE_RANGE = {"IN": (299, 9999), "BR": (49, 2999), "MX": (199, 9999), "AR": (5000, 250000),
               "CO": (30000, 900000), "ES": (15, 899), "FR": (15, 899), "DE": (15, 899), "IT": (15, 899),
               "NL": (15, 899), "GB": (9, 499), "US": (9, 899), "CA": (15, 999), "PL": (39, 2999),
               "TR": (199, 9999), "RU": (990, 49990), "NG": (5000, 250000), "ZA": (99, 4999), "KE": (500, 25000),
               "EG": (150, 9999), "SA": (49, 2999), "AE": (49, 2999), "ID": (49000, 2500000), "PH": (199, 9999),
               "VN": (99000, 2900000), "CN": (29, 2999), "JP": (980, 49800), "AU": (15, 899), "SG": (15, 899),
               "PK": (999, 49999)}


def typical_price(rng, code):
    lo, hi = PRICE_RANGE[code]
    v = rng.randint(lo, hi)
    step = 10 ** max(0, len(str(v)) - 3)
    return max(lo, v - v % step + (step - 1 if step > 1 and rng.random() < 0.5 else 0))


ORDER_OF_REGIONS = ["IN", "BR", "MX", "DE", "SA", "IN", "FR", "TR", "ID", "US", "RU", "AR", "EG", "GB", "CO", "ES",
                    "AE", "IN", "BR", "NG", "IT", "KE", "PL", "CN", "ZA", "JP", "NL", "PH", "CA", "VN", "SG", "AU",
                    "PK", "MX", "IN", "BR", "SA", "TR", "ID", "DE", "US", "FR", "AE", "IN", "CO", "KE"]


def conversation(rng, seed, idx, regions, code):
    region = regions[code]
    langs, shop, slug = REGION_CHAT[code]
    lang = gc.wchoice(rng, langs)
    script = rng.choice(SCRIPTS[lang])
    ctx = gc.Ctx(rng, region, set(gc.ALL_KINDS))
    region.fk.seed_instance(gc.stable_seed(seed, "chat", idx))
    ids = gc.REGION_IDS.get(code, [])
    cname = rng.choice(region.display_names(lang))
    agent_name = rng.choice(region.roman_first)
    prod = rng.choice(gc.lget(lang, "products"))
    order_pieces = gc.neg_order(rng, code, lang)
    consts = {
        "{cname}": cname, "{shop}": shop, "{product}": prod,
        "{price}": "".join(t for t, _ in gc.neg_price(rng, code, lang, value=typical_price(rng, code))),
        "{order_no}": "".join(t for t, tag in order_pieces if tag),
        "{order}": "".join(t for t, _ in order_pieces),
        "{date}": "".join(t for t, _ in gc.neg_date(rng, code, lang)),
        "{pay_link}": "https://pay.%s.example/l/%s" % (slug,
                                                      "".join(rng.choice("ABCDEFGHJKLMNPQRSTUVWXYZ23456789") for _ in range(6))),
    }
    agent_phone = "".join(t for t, _ in gc.render_phone(rng, code, foreign_p=0, forms=[
        ("intl", 5), ("national", 4), ("e164", 1), ("wa_https", 1)]))
    agent_email = "%s@%s.%s" % (rng.choice(["support", "help", "care", "vendas" if lang == "pt" else "orders"]),
                                slug, gc.CC_TLD[code] if rng.random() < 0.6 else "com")
    assert gc.email_ok(agent_email), agent_email
    consts["{agent_phone}"] = agent_phone
    consts["{agent_email}"] = agent_email
    out = []
    keep = True
    for sender, tmpl, p in script:
        if p != "same":  # "same": shown exactly when the line before it is
            keep = rng.random() < p
        if not keep:
            continue
        if "{idfull}" in tmpl and not ids:
            continue
        for k, v in consts.items():
            tmpl = tmpl.replace(k, v)
        args = {"id_kind": rng.choice(ids), "id_kw_p": 0.95} if ids else {}
        pieces = gc.render_template(ctx, tmpl, lang, args)
        text = "".join(t for t, _ in pieces)
        # everything labelled must pass the oracles
        for t, tag in pieces:
            if tag and tag.startswith("L:"):
                assert gc.label_valid(tag[2:], t, code), (tag, t)
        out.append((("agent:" + agent_name.lower().split()[0]) if sender == A else "customer", text))
    return out


def main(argv=None):
    argv = sys.argv[1:] if argv is None else argv
    gc.ensure_venv(Path(__file__).resolve(), argv)
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--seed", type=int, default=17)
    ap.add_argument("--out", default=str(HERE / "chat.jsonl"))
    ap.add_argument("--min-lines", type=int, default=330)
    args = ap.parse_args(argv)
    gc.load_deps()
    regions = {c: gc.Region(c, args.seed) for c in gc.REGIONS}
    rng = random.Random(gc.stable_seed(args.seed, "chat"))
    t = datetime.datetime(2026, 3, 2, 8, 30, tzinfo=datetime.timezone.utc)
    lines = []
    idx = 0
    while len(lines) < args.min_lines:
        code = ORDER_OF_REGIONS[idx % len(ORDER_OF_REGIONS)]
        idx += 1
        conv = conversation(rng, args.seed, idx, regions, code)
        t += datetime.timedelta(minutes=rng.randint(3, 50))
        ts = t
        for sender, text in conv:
            lines.append({"conversation": "c-%03d" % idx, "ts": ts.strftime("%Y-%m-%dT%H:%M:%SZ"),
                          "sender": sender, "region": code, "text": text})
            ts += datetime.timedelta(seconds=rng.randint(20, 900))
    with open(args.out, "w", encoding="utf-8") as f:
        for rec in lines:
            f.write(json.dumps(rec, ensure_ascii=False) + "\n")
    print("make_chat: %d lines in %d conversations -> %s" % (len(lines), idx, args.out), file=sys.stderr)


if __name__ == "__main__":
    main()
