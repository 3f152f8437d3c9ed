package org.minicoin.wallet.file;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.StreamReadFeature;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import org.minicoin.consensus.encoding.Hex;
import org.minicoin.consensus.types.Amount;
import org.minicoin.consensus.types.Hash;

/**
 * The JSON form of a {@link WalletFile}, through Jackson's tree model so every field is checked by hand and a
 * damaged file is described precisely. Layout (format 1):
 *
 * <pre>
 * { "formatVersion": 1, "network": "regtest", "purpose": "bip84", "accountXpub": "tpub...",
 *   "masterFingerprint": "73c5da0a",               // null only in a watch-only wallet
 *   "sealedSecret": { "cipher": "aes-256-gcm", "kdf": "scrypt", "n": 131072, "r": 8, "p": 1,
 *                     "salt": base64, "nonce": base64, "ciphertext": base64, "checksum": base64 },  // or null
 *   "nextReceiveIndex": 0, "nextChangeIndex": 0,
 *   "history": [ { "txid": hex, "time": ISO-8601, "amountSat": 1000, "feeSat": 141, "address": "bcrt1...",
 *                  "hex": raw transaction } ],
 *   "createdAt": ISO-8601 }
 * </pre>
 *
 * Every field must be present, even when null: a lost {@code sealedSecret} must not quietly turn a wallet into a
 * watch-only one. Amounts are integer satoshis, never floating point.
 */
final class WalletFileCodec {
    private static final ObjectMapper JSON = JsonMapper.builder()
            .enable(SerializationFeature.INDENT_OUTPUT)
            .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
            .enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION)
            .build();

    private WalletFileCodec() {
    }

    static byte[] encode(WalletFile w) {
        ObjectNode root = JSON.createObjectNode();
        root.put("formatVersion", WalletFile.FORMAT_VERSION);
        root.put("network", w.network());
        root.put("purpose", w.purpose());
        root.put("accountXpub", w.accountXpub());
        root.put("masterFingerprint", w.masterFingerprint());
        if (w.sealedSecret() == null) {
            root.putNull("sealedSecret");
        } else {
            root.set("sealedSecret", encodeSealed(w.sealedSecret()));
        }
        root.put("nextReceiveIndex", w.nextReceiveIndex());
        root.put("nextChangeIndex", w.nextChangeIndex());
        ArrayNode history = root.putArray("history");
        for (SentTransaction s : w.history()) {
            ObjectNode h = history.addObject();
            h.put("txid", s.txid().toString());
            h.put("time", s.time().toString());
            h.put("amountSat", s.amount().sats());
            h.put("feeSat", s.fee().sats());
            h.put("address", s.address());
            h.put("hex", Hex.encode(s.raw()));
        }
        root.put("createdAt", w.createdAt().toString());
        try {
            return JSON.writeValueAsBytes(root);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("a tree of strings and numbers always serializes", e);
        }
    }

    private static ObjectNode encodeSealed(Sealed s) {
        Base64.Encoder b64 = Base64.getEncoder();
        ObjectNode o = JSON.createObjectNode();
        o.put("cipher", s.cipher());
        o.put("kdf", s.kdf());
        o.put("n", s.params().n());
        o.put("r", s.params().r());
        o.put("p", s.params().p());
        o.put("salt", b64.encodeToString(s.salt()));
        o.put("nonce", b64.encodeToString(s.nonce()));
        o.put("ciphertext", b64.encodeToString(s.ciphertext()));
        o.put("checksum", b64.encodeToString(s.checksum()));
        return o;
    }

    static WalletFile decode(byte[] bytes, Path path) throws WalletFileException {
        if (bytes.length == 0) {
            throw damaged(path, "the file is empty");
        }
        JsonNode root;
        try {
            root = JSON.readTree(bytes);
        } catch (JsonProcessingException e) {
            // The location says where it broke; for a truncated file that is the end.
            throw damaged(path, "not valid JSON: " + e.getOriginalMessage() + " at line "
                    + e.getLocation().getLineNr() + ", column " + e.getLocation().getColumnNr(), e);
        } catch (java.io.IOException e) {
            throw damaged(path, e.getMessage(), e);
        }
        if (root == null || !root.isObject()) {
            throw damaged(path, "not a JSON object");
        }
        Reader r = new Reader(path);
        // The version comes first: a newer file is refused before its other fields are judged by our rules.
        long version = r.integer(root, "formatVersion", "", 1, Long.MAX_VALUE);
        if (version > WalletFile.FORMAT_VERSION) {
            throw new WalletFileException("wallet file " + path + " was written by a newer minicoin-wallet (format "
                    + version + "); this version reads format " + WalletFile.FORMAT_VERSION);
        }
        try {
            String network = r.text(root, "network", "");
            String purpose = r.text(root, "purpose", "");
            String xpub = r.text(root, "accountXpub", "");
            String fingerprint = r.nullableText(root, "masterFingerprint", "");
            JsonNode sealedNode = r.present(root, "sealedSecret", "");
            Sealed sealed = sealedNode.isNull() ? null : decodeSealed(r, sealedNode);
            int receive = (int) r.integer(root, "nextReceiveIndex", "", 0, Integer.MAX_VALUE);
            int change = (int) r.integer(root, "nextChangeIndex", "", 0, Integer.MAX_VALUE);
            JsonNode historyNode = r.present(root, "history", "");
            if (!historyNode.isArray()) {
                throw damaged(path, "\"history\" is not an array");
            }
            List<SentTransaction> history = new ArrayList<>(historyNode.size());
            for (int i = 0; i < historyNode.size(); i++) {
                history.add(decodeSent(r, historyNode.get(i), "history[" + i + "]."));
            }
            Instant createdAt = r.instant(root, "createdAt", "");
            return new WalletFile(network, purpose, xpub, fingerprint, sealed, receive, change, history, createdAt);
        } catch (IllegalArgumentException e) {
            throw damaged(path, e.getMessage(), e);
        }
    }

    private static Sealed decodeSealed(Reader r, JsonNode o) throws WalletFileException {
        String at = "sealedSecret.";
        if (!o.isObject()) {
            throw damaged(r.path, "\"sealedSecret\" is neither an object nor null");
        }
        String cipher = r.text(o, "cipher", at);
        String kdf = r.text(o, "kdf", at);
        if (!Sealed.CIPHER.equals(cipher) || !Sealed.KDF.equals(kdf)) {
            throw damaged(r.path, "the secret is sealed with " + cipher + " and " + kdf + "; this version knows only "
                    + Sealed.CIPHER + " with " + Sealed.KDF);
        }
        Sealed sealed;
        try {
            ScryptParams params = new ScryptParams((int) r.integer(o, "n", at, 2, Integer.MAX_VALUE),
                    (int) r.integer(o, "r", at, 1, Integer.MAX_VALUE),
                    (int) r.integer(o, "p", at, 1, Integer.MAX_VALUE));
            sealed = new Sealed(params, r.base64(o, "salt", at), r.base64(o, "nonce", at),
                    r.base64(o, "ciphertext", at));
        } catch (IllegalArgumentException e) {
            throw damaged(r.path, "sealedSecret: " + e.getMessage(), e);
        }
        // Without this a flipped bit would be reported as a wrong passphrase: GCM cannot tell the two apart.
        if (!MessageDigest.isEqual(sealed.checksum(), r.base64(o, "checksum", at))) {
            throw damaged(r.path, "the encrypted secret does not match its checksum");
        }
        return sealed;
    }

    private static SentTransaction decodeSent(Reader r, JsonNode o, String at) throws WalletFileException {
        if (!o.isObject()) {
            throw damaged(r.path, "\"" + at.substring(0, at.length() - 1) + "\" is not an object");
        }
        try {
            return new SentTransaction(Hash.fromHex(r.text(o, "txid", at)), r.instant(o, "time", at),
                    Amount.ofSat(r.integer(o, "amountSat", at, 0, Amount.MAX_MONEY)),
                    Amount.ofSat(r.integer(o, "feeSat", at, 0, Amount.MAX_MONEY)), r.text(o, "address", at),
                    Hex.decode(r.text(o, "hex", at)));
        } catch (IllegalArgumentException e) {
            throw damaged(r.path, at.substring(0, at.length() - 1) + ": " + e.getMessage(), e);
        }
    }

    static WalletFileException damaged(Path path, String why) {
        return new WalletFileException("wallet file " + path + " is damaged: " + why);
    }

    static WalletFileException damaged(Path path, String why, Throwable cause) {
        return new WalletFileException("wallet file " + path + " is damaged: " + why, cause);
    }

    /** Field access that names the field (with its place, e.g. {@code history[2].txid}) in every error. */
    private record Reader(Path path) {
        JsonNode present(JsonNode o, String name, String at) throws WalletFileException {
            JsonNode v = o.get(name);
            if (v == null) {
                throw damaged(path, "missing field \"" + at + name + "\"");
            }
            return v;
        }

        String text(JsonNode o, String name, String at) throws WalletFileException {
            JsonNode v = present(o, name, at);
            if (!v.isTextual()) {
                throw damaged(path, "\"" + at + name + "\" is not a string");
            }
            return v.textValue();
        }

        String nullableText(JsonNode o, String name, String at) throws WalletFileException {
            return present(o, name, at).isNull() ? null : text(o, name, at);
        }

        long integer(JsonNode o, String name, String at, long min, long max) throws WalletFileException {
            JsonNode v = present(o, name, at);
            if (!v.isIntegralNumber() || !v.canConvertToLong() || v.longValue() < min || v.longValue() > max) {
                throw damaged(path, "\"" + at + name + "\" is not an integer in " + min + ".." + max);
            }
            return v.longValue();
        }

        byte[] base64(JsonNode o, String name, String at) throws WalletFileException {
            try {
                return Base64.getDecoder().decode(text(o, name, at));
            } catch (IllegalArgumentException e) {
                throw damaged(path, "\"" + at + name + "\" is not base64", e);
            }
        }

        Instant instant(JsonNode o, String name, String at) throws WalletFileException {
            try {
                return Instant.parse(text(o, name, at));
            } catch (DateTimeParseException e) {
                throw damaged(path, "\"" + at + name + "\" is not an ISO-8601 time", e);
            }
        }
    }
}
