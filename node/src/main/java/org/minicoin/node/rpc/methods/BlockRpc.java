package org.minicoin.node.rpc.methods;

import static org.minicoin.node.rpc.methods.ChainRpc.JSON;
import static org.minicoin.node.rpc.methods.ChainRpc.amount;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.List;
import org.minicoin.consensus.crypto.MuHash3072;
import org.minicoin.consensus.descriptor.Descriptor;
import org.minicoin.consensus.descriptor.DescriptorException;
import org.minicoin.consensus.encoding.ByteWriter;
import org.minicoin.consensus.encoding.Hex;
import org.minicoin.consensus.types.Amount;
import org.minicoin.consensus.types.Block;
import org.minicoin.consensus.types.Hash;
import org.minicoin.consensus.types.OutPoint;
import org.minicoin.consensus.types.Transaction;
import org.minicoin.consensus.types.TxIn;
import org.minicoin.consensus.types.TxOut;
import org.minicoin.consensus.validation.BlockUndo;
import org.minicoin.consensus.validation.BlockContext;
import org.minicoin.consensus.validation.Coin;
import org.minicoin.consensus.validation.UtxoMuHash;
import org.minicoin.node.daemon.Node;
import org.minicoin.node.ledger.BlockIndexEntry;
import org.minicoin.node.ledger.ChainState;
import org.minicoin.node.ledger.CoinsCache;
import org.minicoin.node.mempool.MempoolEntry;
import org.minicoin.node.rpc.json.BlockFacts;
import org.minicoin.node.rpc.json.BlockJson;
import org.minicoin.node.rpc.json.ScriptJson;
import org.minicoin.node.rpc.json.TxJson;
import org.minicoin.node.rpc.json.TxVerbosity;
import org.minicoin.node.rpc.server.RpcException;

/**
 * The RPCs that show blocks, transactions, scripts and coins in Core's JSON: getblock, getblockheader,
 * getrawtransaction, decoderawtransaction, decodescript, createrawtransaction, gettxout, gettxoutsetinfo,
 * scantxoutset, getdescriptorinfo, deriveaddresses.
 */
public final class BlockRpc {
    private final Node node;
    private final ChainState chain;

    public BlockRpc(Node node) {
        this.node = node;
        this.chain = node.chain();
    }

    private BlockIndexEntry entry(Hash hash) {
        BlockIndexEntry e = chain.entry(hash);
        if (e == null) {
            throw new RpcException(RpcErrors.INVALID_ADDRESS_OR_KEY, "Block not found");
        }
        return e;
    }

    private BlockFacts facts(BlockIndexEntry e) {
        synchronized (chain) {
            boolean active = chain.isActive(e);
            BlockIndexEntry next = active ? chain.activeAt(e.height() + 1) : null;
            return new BlockFacts(e.height(), BlockFacts.confirmations(chain.height(), e.height(), active),
                    BlockContext.medianTimePast(e), e.chainWork(), e.txCount(), next == null ? null : next.hash());
        }
    }

    public JsonNode getblockheader(Hash hash, boolean verbose) {
        BlockIndexEntry e = entry(hash);
        if (!verbose) {
            return JSON.textNode(Hex.encode(e.header().serialize()));
        }
        return BlockJson.header(e.header(), facts(e));
    }

    public JsonNode getblock(Hash hash, int verbosity) {
        BlockIndexEntry e = entry(hash);
        Block block = chain.readBlock(hash);
        if (block == null) {
            throw new RpcException(RpcErrors.MISC_ERROR, "Block not available (not fully downloaded)");
        }
        if (verbosity <= 0) {
            return JSON.textNode(Hex.encode(block.serialize()));
        }
        if (verbosity > 3) {
            verbosity = 3;
        }
        BlockUndo undo = verbosity >= 2 && e.has(BlockIndexEntry.FULLY_VALID) && e.height() > 0
                ? chain.readUndo(hash) : null;
        return BlockJson.block(block, facts(e), TxVerbosity.ofGetBlockLevel(verbosity), undo, node.params());
    }

    /**
     * Core's getrawtransaction: mempool transactions always, confirmed ones with -txindex or when the block is
     * named. Verbosity 0 gives hex, 1 the decoded transaction, 2 also the fee and prevouts when undo data exists.
     */
    public JsonNode getrawtransaction(Hash txid, int verbosity, Hash blockhash) {
        Transaction tx = null;
        BlockIndexEntry in = null;
        int position = -1;
        if (blockhash != null) {
            in = entry(blockhash);
            Block block = chain.readBlock(blockhash);
            for (int i = 0; block != null && i < block.transactions().size(); i++) {
                if (block.transactions().get(i).txid().equals(txid)) {
                    tx = block.transactions().get(i);
                    position = i;
                }
            }
            if (tx == null) {
                throw new RpcException(RpcErrors.INVALID_ADDRESS_OR_KEY,
                        "No such transaction found in the provided block. Use gettransaction for wallet transactions.");
            }
        } else {
            MempoolEntry m = node.mempool().entry(txid);
            if (m != null) {
                tx = m.tx();
            } else if (node.txIndex() != null) {
                var loc = node.txIndex().find(txid);
                if (loc.isPresent()) {
                    in = entry(loc.get().block());
                    Block block = chain.readBlock(loc.get().block());
                    position = loc.get().position();
                    tx = block.transactions().get(position);
                }
            }
            if (tx == null) {
                throw new RpcException(RpcErrors.INVALID_ADDRESS_OR_KEY, node.txIndex() == null
                        ? "No such mempool transaction. Use -txindex or provide a block hash to enable blockchain "
                        + "transaction queries. Use gettransaction for wallet transactions."
                        : "No such mempool or blockchain transaction. Use gettransaction for wallet transactions.");
            }
        }
        if (verbosity <= 0) {
            return JSON.textNode(Hex.encode(tx.serialize()));
        }
        org.minicoin.consensus.validation.TxUndo undo = null;
        if (verbosity >= 2 && in != null && position > 0 && in.has(BlockIndexEntry.FULLY_VALID)) {
            BlockUndo blockUndo = chain.readUndo(in.hash());
            undo = blockUndo == null ? null : blockUndo.txUndos().get(position - 1);
        }
        ObjectNode o = TxJson.toJson(tx, node.params(), null, true, undo,
                verbosity >= 2 && undo != null ? TxVerbosity.SHOW_DETAILS_AND_PREVOUT : TxVerbosity.SHOW_DETAILS);
        if (in != null) {
            synchronized (chain) {
                o.put("in_active_chain", chain.isActive(in));
                o.put("blockhash", in.hash().toString());
                o.put("confirmations", BlockFacts.confirmations(chain.height(), in.height(), chain.isActive(in)));
                o.put("time", in.time());
                o.put("blocktime", in.time());
            }
        }
        return o;
    }

    public ObjectNode decoderawtransaction(String hex) {
        return TxJson.decoded(MiningRpc.decodeTx(hex), node.params());
    }

    public ObjectNode decodescript(String hex) {
        byte[] script;
        try {
            script = Hex.decode(hex);
        } catch (IllegalArgumentException e) {
            throw new RpcException(RpcErrors.DESERIALIZATION_ERROR, "argument must be hexadecimal string (not '"
                    + hex + "')");
        }
        return ScriptJson.decodeScript(script, node.params());
    }

    /** Core's createrawtransaction: inputs [{txid, vout, sequence}], outputs {address: amount} or {"data": hex}. */
    public String createrawtransaction(ArrayNode inputs, JsonNode outputs, long locktime) {
        List<TxIn> ins = new ArrayList<>();
        for (JsonNode i : inputs) {
            if (!i.has("txid") || !i.path("txid").isTextual()) {
                throw new RpcException(RpcErrors.INVALID_PARAMETER, "txid must be hexadecimal string (not '"
                        + i.path("txid").asText() + "')");
            }
            if (!i.has("vout")) {
                throw new RpcException(RpcErrors.INVALID_PARAMETER, "Invalid parameter, missing vout key");
            }
            if (!i.path("vout").canConvertToInt() || i.path("vout").asInt() < 0) {
                throw new RpcException(RpcErrors.INVALID_PARAMETER, "Invalid parameter, vout cannot be negative");
            }
            long sequence = i.has("sequence") ? i.path("sequence").asLong()
                    : (locktime != 0 ? TxIn.SEQUENCE_FINAL - 1 : TxIn.SEQUENCE_FINAL);
            ins.add(new TxIn(new OutPoint(Hash.fromHex(i.path("txid").asText()), i.path("vout").asLong()),
                    new byte[0], sequence));
        }
        List<TxOut> outs = new ArrayList<>();
        List<JsonNode> objects = new ArrayList<>();
        if (outputs.isArray()) {
            outputs.forEach(objects::add);
        } else {
            objects.add(outputs);
        }
        java.util.Set<String> seen = new java.util.HashSet<>();
        for (JsonNode obj : objects) {
            var fields = obj.fields();
            while (fields.hasNext()) {
                var f = fields.next();
                if (f.getKey().equals("data")) {
                    byte[] data = Hex.decode(f.getValue().asText());
                    outs.add(new TxOut(0, concat(new byte[] {0x6a}, org.minicoin.consensus.script.Scripts.push(data))));
                    continue;
                }
                if (!seen.add(f.getKey())) {
                    throw new RpcException(RpcErrors.INVALID_PARAMETER, "Invalid parameter, duplicated address: "
                            + f.getKey());
                }
                byte[] spk = MiningRpc.script(f.getKey(), node.params());
                long sats;
                try {
                    sats = Amount.parseCoins(f.getValue().asText()).sats();
                } catch (IllegalArgumentException e) {
                    throw new RpcException(RpcErrors.TYPE_ERROR, "Invalid amount");
                }
                outs.add(new TxOut(sats, spk));
            }
        }
        return Hex.encode(new Transaction(2, ins, outs, locktime).serialize());
    }

    private static byte[] concat(byte[] a, byte[] b) {
        byte[] out = java.util.Arrays.copyOf(a, a.length + b.length);
        System.arraycopy(b, 0, out, a.length, b.length);
        return out;
    }

    /** Core's gettxout: the unspent output, or null if spent (by the mempool too, if {@code includeMempool}). */
    public JsonNode gettxout(Hash txid, long n, boolean includeMempool) {
        OutPoint op = new OutPoint(txid, n);
        Coin coin;
        int tipHeight;
        String best;
        synchronized (chain) {
            tipHeight = chain.height();
            best = chain.tip().hash().toString();
            if (includeMempool && node.mempool().spender(op) != null) {
                return JSON.nullNode();
            }
            coin = chain.coin(op);
            if (coin == null && includeMempool) {
                MempoolEntry m = node.mempool().entry(txid);
                if (m != null && n < m.tx().outputs().size()) {
                    coin = new Coin(m.tx().outputs().get((int) n), org.minicoin.node.mempool.Mempool.MEMPOOL_HEIGHT,
                            false);
                }
            }
        }
        if (coin == null) {
            return JSON.nullNode();
        }
        ObjectNode o = JSON.objectNode();
        o.put("bestblock", best);
        o.put("confirmations", coin.height() == org.minicoin.node.mempool.Mempool.MEMPOOL_HEIGHT ? 0
                : tipHeight - coin.height() + 1);
        o.set("value", amount(coin.output().value()));
        o.set("scriptPubKey", ScriptJson.scriptPubKey(coin.output().scriptPubKey(), node.params()));
        o.put("coinbase", coin.coinbase());
        return o;
    }

    /**
     * Core's gettxoutsetinfo over the flushed UTXO set: {@code hash_type} "hash_serialized_3" (the default),
     * "muhash" or "none".
     */
    public ObjectNode gettxoutsetinfo(String hashType) {
        String type = hashType == null ? "hash_serialized_3" : hashType;
        if (!type.equals("hash_serialized_3") && !type.equals("muhash") && !type.equals("none")) {
            throw new RpcException(RpcErrors.INVALID_PARAMETER, type + " is not a valid hash_type");
        }
        MessageDigest sha;
        try {
            sha = MessageDigest.getInstance("SHA-256");
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
        MuHash3072 muhash = new MuHash3072();
        long[] counts = new long[3]; // outputs, total, bogosize
        java.util.Set<Hash> txids = new java.util.HashSet<>();
        BlockIndexEntry tip;
        synchronized (chain) {
            chain.flush();
            tip = chain.tip();
            CoinsCache.forEachStored(node.store(), (op, coin) -> {
                ByteWriter w = new ByteWriter(64);
                op.write(w);
                w.writeUInt32LE(((long) coin.height() << 1) | (coin.coinbase() ? 1 : 0));
                coin.output().write(w);
                byte[] ser = w.toByteArray();
                if (type.equals("hash_serialized_3")) {
                    sha.update(ser);
                } else if (type.equals("muhash")) {
                    UtxoMuHash.add(muhash, op, coin);
                }
                counts[0]++;
                counts[1] += coin.output().value();
                // Core's GetBogoSize: 32 + 4 + 4 + 8 + 2 + script length
                counts[2] += 50 + coin.output().scriptPubKey().length;
                txids.add(op.txid());
            });
        }
        ObjectNode o = JSON.objectNode();
        o.put("height", tip.height());
        o.put("bestblock", tip.hash().toString());
        o.put("txouts", counts[0]);
        o.put("bogosize", counts[2]);
        if (type.equals("hash_serialized_3")) {
            o.put("hash_serialized_3", Hash.wrap(sha256(sha.digest())).toString());
        } else if (type.equals("muhash")) {
            o.put("muhash", Hash.wrap(muhash.digest()).toString());
        }
        o.set("total_amount", amount(counts[1]));
        o.put("transactions", txids.size());
        o.put("disk_size", ChainRpc.sizeOnDisk(node.networkDir()));
        return o;
    }

    private static byte[] sha256(byte[] b) {
        return org.minicoin.consensus.crypto.Hashes.sha256(b);
    }

    /** Core's PER_UTXO_OVERHEAD: an outpoint and the height/coinbase word. */
    private static final long PER_UTXO_OVERHEAD = 36 + 4;

    /**
     * Core's getblockstats for the active block at {@code heightOrHash} (an int height or a hash string):
     * every statistic, or only those named in {@code stats}.
     */
    public ObjectNode getblockstats(JsonNode heightOrHash, List<String> stats) {
        BlockIndexEntry e;
        if (heightOrHash.isNumber()) {
            int h = heightOrHash.asInt();
            if (h < 0 || h > chain.height()) {
                throw new RpcException(RpcErrors.INVALID_PARAMETER, "Target block height " + h
                        + (h < 0 ? " is negative" : " after current tip " + chain.height()));
            }
            e = chain.activeAt(h);
        } else {
            e = entry(Hash.fromHex(heightOrHash.asText()));
            if (!chain.isActive(e)) {
                throw new RpcException(RpcErrors.INVALID_PARAMETER, "Block is not in chain " + node.params().name());
            }
        }
        Block block = chain.readBlock(e.hash());
        BlockUndo undo = e.height() == 0 ? BlockUndo.EMPTY : chain.readUndo(e.hash());
        if (block == null || undo == null) {
            throw new RpcException(RpcErrors.MISC_ERROR, "Block not available");
        }
        long maxfee = 0;
        long maxfeerate = 0;
        long minfee = Amount.MAX_MONEY;
        long minfeerate = Amount.MAX_MONEY;
        long totalOut = 0;
        long totalfee = 0;
        long inputs = 0;
        long maxtxsize = 0;
        long mintxsize = 4_000_000;
        long outputs = 0;
        long swtotalSize = 0;
        long swtotalWeight = 0;
        long swtxs = 0;
        long totalSize = 0;
        long totalWeight = 0;
        long utxos = 0;
        long utxoSizeInc = 0;
        long utxoSizeIncActual = 0;
        List<Long> fees = new ArrayList<>();
        List<long[]> feerates = new ArrayList<>();
        List<Long> sizes = new ArrayList<>();
        List<Transaction> txs = block.transactions();
        for (int i = 0; i < txs.size(); i++) {
            Transaction tx = txs.get(i);
            outputs += tx.outputs().size();
            long txOut = 0;
            for (TxOut out : tx.outputs()) {
                txOut += out.value();
                long size = serializedSize(out) + PER_UTXO_OVERHEAD;
                utxoSizeInc += size;
                if (e.height() == 0 || org.minicoin.consensus.validation.BlockConnector.isUnspendable(out)) {
                    continue;
                }
                utxos++;
                utxoSizeIncActual += size;
            }
            if (tx.isCoinbase()) {
                continue;
            }
            inputs += tx.inputs().size();
            totalOut += txOut;
            long size = tx.totalSize();
            sizes.add(size);
            maxtxsize = Math.max(maxtxsize, size);
            mintxsize = Math.min(mintxsize, size);
            totalSize += size;
            long weight = tx.weight();
            totalWeight += weight;
            if (tx.hasWitness()) {
                swtxs++;
                swtotalSize += size;
                swtotalWeight += weight;
            }
            long in = 0;
            for (Coin c : undo.txUndos().get(i - 1).spent()) {
                in += c.output().value();
                long prevSize = serializedSize(c.output()) + PER_UTXO_OVERHEAD;
                utxoSizeInc -= prevSize;
                utxoSizeIncActual -= prevSize;
            }
            long fee = in - txOut;
            fees.add(fee);
            maxfee = Math.max(maxfee, fee);
            minfee = Math.min(minfee, fee);
            totalfee += fee;
            long feerate = weight > 0 ? fee * 4 / weight : 0;
            feerates.add(new long[] {feerate, weight});
            maxfeerate = Math.max(maxfeerate, feerate);
            minfeerate = Math.min(minfeerate, feerate);
        }
        int n = txs.size() - 1;
        ObjectNode all = JSON.objectNode();
        all.put("avgfee", n > 0 ? totalfee / n : 0);
        all.put("avgfeerate", totalWeight > 0 ? totalfee * 4 / totalWeight : 0);
        all.put("avgtxsize", n > 0 ? totalSize / n : 0);
        all.put("blockhash", e.hash().toString());
        ArrayNode percentiles = all.putArray("feerate_percentiles");
        for (long p : percentilesByWeight(feerates, totalWeight)) {
            percentiles.add(p);
        }
        all.put("height", e.height());
        all.put("ins", inputs);
        all.put("maxfee", maxfee);
        all.put("maxfeerate", maxfeerate);
        all.put("maxtxsize", maxtxsize);
        all.put("medianfee", truncatedMedian(fees));
        all.put("mediantime", org.minicoin.consensus.validation.BlockContext.medianTimePast(e));
        all.put("mediantxsize", truncatedMedian(sizes));
        all.put("minfee", minfee == Amount.MAX_MONEY ? 0 : minfee);
        all.put("minfeerate", minfeerate == Amount.MAX_MONEY ? 0 : minfeerate);
        all.put("mintxsize", mintxsize == 4_000_000 ? 0 : mintxsize);
        all.put("outs", outputs);
        all.put("subsidy", org.minicoin.consensus.validation.Subsidy.blockSubsidy(e.height(), node.params()));
        all.put("swtotal_size", swtotalSize);
        all.put("swtotal_weight", swtotalWeight);
        all.put("swtxs", swtxs);
        all.put("time", e.time());
        all.put("total_out", totalOut);
        all.put("total_size", totalSize);
        all.put("total_weight", totalWeight);
        all.put("totalfee", totalfee);
        all.put("txs", txs.size());
        all.put("utxo_increase", outputs - inputs);
        all.put("utxo_size_inc", utxoSizeInc);
        all.put("utxo_increase_actual", utxos - inputs);
        all.put("utxo_size_inc_actual", utxoSizeIncActual);
        if (stats == null || stats.isEmpty()) {
            return all;
        }
        ObjectNode selected = JSON.objectNode();
        for (String stat : new java.util.TreeSet<>(stats)) {
            if (!all.has(stat)) {
                throw new RpcException(RpcErrors.INVALID_PARAMETER, "Invalid selected statistic '" + stat + "'");
            }
            selected.set(stat, all.get(stat));
        }
        return selected;
    }

    private static long serializedSize(TxOut out) {
        int len = out.scriptPubKey().length;
        return 8 + ByteWriter.compactSizeLength(len) + len;
    }

    /** Core's CalculateTruncatedMedian. */
    private static long truncatedMedian(List<Long> values) {
        if (values.isEmpty()) {
            return 0;
        }
        List<Long> sorted = new ArrayList<>(values);
        java.util.Collections.sort(sorted);
        int size = sorted.size();
        return size % 2 == 0 ? (sorted.get(size / 2 - 1) + sorted.get(size / 2)) / 2 : sorted.get(size / 2);
    }

    /** Core's CalculatePercentilesByWeight: the 10th, 25th, 50th, 75th and 90th percentile fee rates by weight. */
    private static long[] percentilesByWeight(List<long[]> scores, long totalWeight) {
        long[] result = new long[5];
        if (scores.isEmpty()) {
            return result;
        }
        List<long[]> sorted = new ArrayList<>(scores);
        sorted.sort((a, b) -> a[0] != b[0] ? Long.compare(a[0], b[0]) : Long.compare(a[1], b[1]));
        double[] weights = {totalWeight / 10.0, totalWeight / 4.0, totalWeight / 2.0, (totalWeight * 3.0) / 4.0,
            (totalWeight * 9.0) / 10.0};
        int next = 0;
        long cumulative = 0;
        for (long[] s : sorted) {
            cumulative += s[1];
            while (next < 5 && cumulative >= weights[next]) {
                result[next++] = s[0];
            }
        }
        for (int i = next; i < 5; i++) {
            result[i] = sorted.get(sorted.size() - 1)[0];
        }
        return result;
    }

    /** Core's getdescriptorinfo. */
    public ObjectNode getdescriptorinfo(String descriptor) {
        Descriptor d = parseDescriptor(descriptor, false);
        ObjectNode o = JSON.objectNode();
        o.put("descriptor", d.toString());
        o.put("checksum", d.checksum());
        o.put("isrange", d.isRange());
        o.put("issolvable", d.isSolvable());
        o.put("hasprivatekeys", d.hasPrivateKeys());
        return o;
    }

    private Descriptor parseDescriptor(String text, boolean requireChecksum) {
        try {
            return Descriptor.parse(text, node.params(), requireChecksum);
        } catch (DescriptorException e) {
            throw new RpcException(RpcErrors.INVALID_ADDRESS_OR_KEY, e.getMessage());
        }
    }

    /** Core's deriveaddresses: the addresses of a descriptor, for one index or a [begin, end] range. */
    public ArrayNode deriveaddresses(String descriptor, int[] range) {
        Descriptor d = parseDescriptor(descriptor, true);
        if (!d.isRange() && range != null) {
            throw new RpcException(RpcErrors.INVALID_PARAMETER,
                    "Range should not be specified for an un-ranged descriptor");
        }
        if (d.isRange() && range == null) {
            throw new RpcException(RpcErrors.INVALID_PARAMETER, "Range must be specified for a ranged descriptor");
        }
        int begin = range == null ? 0 : range[0];
        int end = range == null ? 0 : range[1];
        ArrayNode out = JSON.arrayNode();
        for (int i = begin; i <= end; i++) {
            try {
                d.addresses(i).forEach(out::add);
            } catch (DescriptorException e) {
                throw new RpcException(RpcErrors.INVALID_ADDRESS_OR_KEY, e.getMessage());
            }
        }
        if (out.isEmpty()) {
            throw new RpcException(RpcErrors.INVALID_ADDRESS_OR_KEY, "Descriptor does not have a corresponding address");
        }
        return out;
    }

    /**
     * Core's scantxoutset "start": the unspent outputs paying to the scripts of the given descriptors (objects
     * {"desc", "range"} or strings; ranges default to 0..1000), with their total.
     */
    public ObjectNode scantxoutset(String action, ArrayNode scanObjects) {
        if (action.equals("status")) {
            return null;
        }
        if (action.equals("abort")) {
            throw new RpcException(RpcErrors.MISC_ERROR, "No scan in progress");
        }
        if (!action.equals("start")) {
            throw new RpcException(RpcErrors.INVALID_PARAMETER, "Invalid action '" + action + "'");
        }
        if (scanObjects == null) {
            throw new RpcException(RpcErrors.MISC_ERROR, "scanobjects argument is required for the start action");
        }
        java.util.Map<String, String> scripts = new java.util.HashMap<>();
        for (JsonNode obj : scanObjects) {
            String text = obj.isTextual() ? obj.asText() : obj.path("desc").asText();
            Descriptor d = parseDescriptor(text, false);
            int begin = 0;
            int end = Descriptor.DEFAULT_SCAN_RANGE_END;
            if (obj.has("range")) {
                JsonNode r = obj.get("range");
                if (r.isArray()) {
                    begin = r.get(0).asInt();
                    end = r.get(1).asInt();
                } else {
                    end = r.asInt();
                }
            }
            try {
                for (byte[] spk : d.isRange() ? d.expandRange(begin, end) : d.expand(0)) {
                    scripts.put(Hex.encode(spk), d.toString());
                }
            } catch (DescriptorException e) {
                throw new RpcException(RpcErrors.INVALID_ADDRESS_OR_KEY, e.getMessage());
            }
        }
        ArrayNode unspents = JSON.arrayNode();
        long[] total = new long[1];
        BlockIndexEntry tip;
        long[] searched = new long[1];
        synchronized (chain) {
            chain.flush();
            tip = chain.tip();
            CoinsCache.forEachStored(node.store(), (op, coin) -> {
                searched[0]++;
                String spkHex = Hex.encode(coin.output().scriptPubKey());
                String desc = scripts.get(spkHex);
                if (desc != null) {
                    ObjectNode u = unspents.addObject();
                    u.put("txid", op.txid().toString());
                    u.put("vout", op.index());
                    u.put("scriptPubKey", spkHex);
                    u.put("desc", desc);
                    u.set("amount", amount(coin.output().value()));
                    u.put("coinbase", coin.coinbase());
                    u.put("height", coin.height());
                    u.put("blockhash", chain.activeAt(coin.height()).hash().toString());
                    u.put("confirmations", chain.height() - coin.height() + 1);
                    total[0] += coin.output().value();
                }
            });
        }
        ObjectNode o = JSON.objectNode();
        o.put("success", true);
        o.put("txouts", searched[0]);
        o.put("height", tip.height());
        o.put("bestblock", tip.hash().toString());
        o.set("unspents", unspents);
        o.set("total_amount", amount(total[0]));
        return o;
    }
}
