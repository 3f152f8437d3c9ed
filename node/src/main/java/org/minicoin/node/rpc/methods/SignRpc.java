package org.minicoin.node.rpc.methods;

import static org.minicoin.node.rpc.methods.ChainRpc.JSON;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.minicoin.consensus.address.AddressException;
import org.minicoin.consensus.address.Wif;
import org.minicoin.consensus.crypto.Hashes;
import org.minicoin.consensus.crypto.PrivateKey;
import org.minicoin.consensus.encoding.Hex;
import org.minicoin.consensus.script.Interpreter;
import org.minicoin.consensus.script.ScriptError;
import org.minicoin.consensus.script.Scripts;
import org.minicoin.consensus.script.SigHash;
import org.minicoin.consensus.script.SigVersion;
import org.minicoin.consensus.script.TransactionSignatureChecker;
import org.minicoin.consensus.crypto.BouncyCastleSignatureVerifier;
import org.minicoin.consensus.types.Amount;
import org.minicoin.consensus.types.Hash;
import org.minicoin.consensus.types.OutPoint;
import org.minicoin.consensus.types.Transaction;
import org.minicoin.consensus.types.TxIn;
import org.minicoin.consensus.types.TxOut;
import org.minicoin.consensus.types.Witness;
import org.minicoin.consensus.validation.Coin;
import org.minicoin.node.daemon.Node;
import org.minicoin.node.mempool.MempoolEntry;
import org.minicoin.node.policy.StandardPolicy;
import org.minicoin.node.rpc.server.RpcException;

/**
 * Core's signrawtransactionwithkey for the single-key script types: P2PKH, P2WPKH, P2SH-P2WPKH and P2PK, with
 * any sighash type. Each input is then checked under the standard script flags, and failures are listed as Core
 * lists them.
 */
public final class SignRpc {
    private static final Map<String, Integer> SIGHASH_TYPES = Map.of(
            "ALL", SigHash.ALL, "NONE", SigHash.NONE, "SINGLE", SigHash.SINGLE,
            "ALL|ANYONECANPAY", SigHash.ALL | SigHash.ANYONECANPAY,
            "NONE|ANYONECANPAY", SigHash.NONE | SigHash.ANYONECANPAY,
            "SINGLE|ANYONECANPAY", SigHash.SINGLE | SigHash.ANYONECANPAY);

    private final Node node;

    public SignRpc(Node node) {
        this.node = node;
    }

    private record Key(PrivateKey key, byte[] pubKey) {
    }

    public ObjectNode signrawtransactionwithkey(String hex, List<String> wifs, ArrayNode prevTxs, String sighashType) {
        Transaction tx = MiningRpc.decodeTx(hex);
        Integer hashType = SIGHASH_TYPES.get(sighashType == null ? "ALL" : sighashType);
        if (hashType == null) {
            throw new RpcException(RpcErrors.INVALID_PARAMETER, "'" + sighashType + "' is not a valid sighash parameter.");
        }
        Map<String, Key> byHash160 = new HashMap<>();
        Map<String, Key> byPubKey = new HashMap<>();
        for (String w : wifs) {
            Wif wif;
            try {
                wif = Wif.decode(w, node.params());
            } catch (AddressException e) {
                throw new RpcException(RpcErrors.INVALID_ADDRESS_OR_KEY, "Invalid private key");
            }
            byte[] pub = wif.key().publicKey(wif.compressed()).encoded();
            Key k = new Key(wif.key(), pub);
            byHash160.put(Hex.encode(Hashes.hash160(pub)), k);
            byPubKey.put(Hex.encode(pub), k);
        }
        Map<OutPoint, TxOut> given = new HashMap<>();
        if (prevTxs != null) {
            for (JsonNode p : prevTxs) {
                for (String field : List.of("txid", "vout", "scriptPubKey")) {
                    if (!p.has(field)) {
                        throw new RpcException(RpcErrors.DESERIALIZATION_ERROR, "Missing " + field);
                    }
                }
                long amount = p.has("amount") ? Amount.parseCoins(p.get("amount").asText()).sats() : 0;
                given.put(new OutPoint(Hash.fromHex(p.get("txid").asText()), p.get("vout").asLong()),
                        new TxOut(amount, Hex.decode(p.get("scriptPubKey").asText())));
            }
        }
        List<TxOut> spent = new ArrayList<>();
        for (TxIn in : tx.inputs()) {
            TxOut out = given.get(in.prevout());
            if (out == null) {
                Coin c = node.chain().coin(in.prevout());
                MempoolEntry m = c == null ? node.mempool().entry(in.prevout().txid()) : null;
                out = c != null ? c.output() : m != null && in.prevout().index() < m.tx().outputs().size()
                        ? m.tx().outputs().get((int) in.prevout().index()) : null;
            }
            spent.add(out);
        }
        List<TxIn> signedIns = new ArrayList<>(tx.inputs());
        SigHash.Precomputed pre = new SigHash.Precomputed(tx);
        for (int i = 0; i < tx.inputs().size(); i++) {
            TxOut out = spent.get(i);
            if (out == null) {
                continue;
            }
            TxIn signed = sign(tx, i, out, hashType, pre, byHash160, byPubKey);
            if (signed != null) {
                signedIns.set(i, signed);
            }
        }
        Transaction result = new Transaction(tx.version(), signedIns, tx.outputs(), tx.lockTime());
        ArrayNode errors = JSON.arrayNode();
        SigHash.Precomputed resultPre = new SigHash.Precomputed(result);
        for (int i = 0; i < result.inputs().size(); i++) {
            TxIn in = result.inputs().get(i);
            TxOut out = spent.get(i);
            String error;
            if (out == null) {
                error = "Input not found or already spent";
            } else {
                ScriptError e = Interpreter.verify(in.scriptSig(), out.scriptPubKey(), in.witness(),
                        StandardPolicy.STANDARD_SCRIPT_VERIFY_FLAGS, new TransactionSignatureChecker(result, i,
                                out.value(), resultPre, BouncyCastleSignatureVerifier.INSTANCE));
                if (e == ScriptError.OK) {
                    continue;
                }
                error = e == ScriptError.INVALID_STACK_OPERATION || e == ScriptError.EVAL_FALSE
                        ? "Unable to sign input, invalid stack size (possibly missing key)" : e.description();
            }
            ObjectNode o = errors.addObject();
            o.put("txid", in.prevout().txid().toString());
            o.put("vout", in.prevout().index());
            ArrayNode witness = o.putArray("witness");
            in.witness().items().forEach(item -> witness.add(Hex.encode(item)));
            o.put("scriptSig", Hex.encode(in.scriptSig()));
            o.put("sequence", in.sequence());
            o.put("error", error);
        }
        ObjectNode o = JSON.objectNode();
        o.put("hex", Hex.encode(result.serialize()));
        o.put("complete", errors.isEmpty());
        if (!errors.isEmpty()) {
            o.set("errors", errors);
        }
        return o;
    }

    /** The input signed for {@code out}'s script, or null when no given key fits it. */
    private static TxIn sign(Transaction tx, int i, TxOut out, int hashType, SigHash.Precomputed pre,
                             Map<String, Key> byHash160, Map<String, Key> byPubKey) {
        byte[] spk = out.scriptPubKey();
        TxIn in = tx.inputs().get(i);
        Scripts.WitnessProgram wp = Scripts.witnessProgram(spk);
        if (isP2pkh(spk)) {
            Key k = byHash160.get(Hex.encode(Arrays.copyOfRange(spk, 3, 23)));
            if (k == null) {
                return null;
            }
            byte[] sig = signature(tx, i, p2pkh(k.pubKey()), out.value(), hashType, SigVersion.BASE, pre, k);
            return in.withScriptSig(concat(Scripts.push(sig), Scripts.push(k.pubKey()))).withWitness(Witness.EMPTY);
        }
        if (wp != null && wp.version() == 0 && wp.program().length == 20) {
            Key k = byHash160.get(Hex.encode(wp.program()));
            if (k == null) {
                return null;
            }
            byte[] sig = signature(tx, i, p2pkh(k.pubKey()), out.value(), hashType, SigVersion.WITNESS_V0, pre, k);
            return in.withScriptSig(new byte[0]).withWitness(Witness.of(sig, k.pubKey()));
        }
        if (Scripts.isPayToScriptHash(spk)) {
            String scriptHash = Hex.encode(Arrays.copyOfRange(spk, 2, 22));
            for (Key k : byHash160.values()) {
                byte[] redeem = concat(new byte[] {0x00, 0x14}, Hashes.hash160(k.pubKey()));
                if (Hex.encode(Hashes.hash160(redeem)).equals(scriptHash)) {
                    byte[] sig = signature(tx, i, p2pkh(k.pubKey()), out.value(), hashType, SigVersion.WITNESS_V0,
                            pre, k);
                    return in.withScriptSig(Scripts.push(redeem)).withWitness(Witness.of(sig, k.pubKey()));
                }
            }
            return null;
        }
        if ((spk.length == 35 || spk.length == 67) && (spk[spk.length - 1] & 0xff) == 0xac) {
            Key k = byPubKey.get(Hex.encode(Arrays.copyOfRange(spk, 1, spk.length - 1)));
            if (k == null) {
                return null;
            }
            byte[] sig = signature(tx, i, spk, out.value(), hashType, SigVersion.BASE, pre, k);
            return in.withScriptSig(Scripts.push(sig)).withWitness(Witness.EMPTY);
        }
        return null;
    }

    private static boolean isP2pkh(byte[] s) {
        return s.length == 25 && (s[0] & 0xff) == 0x76 && (s[1] & 0xff) == 0xa9 && s[2] == 20
                && (s[23] & 0xff) == 0x88 && (s[24] & 0xff) == 0xac;
    }

    private static byte[] p2pkh(byte[] pubKey) {
        return concat(concat(new byte[] {0x76, (byte) 0xa9, 20}, Hashes.hash160(pubKey)),
                new byte[] {(byte) 0x88, (byte) 0xac});
    }

    private static byte[] signature(Transaction tx, int i, byte[] scriptCode, long amount, int hashType,
                                    SigVersion version, SigHash.Precomputed pre, Key k) {
        Hash h = SigHash.hash(scriptCode, tx, i, hashType, amount, version, pre);
        return concat(k.key().sign(h.toBytes()), new byte[] {(byte) hashType});
    }

    private static byte[] concat(byte[] a, byte[] b) {
        byte[] out = Arrays.copyOf(a, a.length + b.length);
        System.arraycopy(b, 0, out, a.length, b.length);
        return out;
    }
}
