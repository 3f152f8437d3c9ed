package org.minicoin.node.rpc.methods;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;
import org.minicoin.consensus.params.ChainParams;
import org.minicoin.consensus.params.SoftForks;
import org.minicoin.consensus.pow.CompactTarget;
import org.minicoin.consensus.types.Hash;
import org.minicoin.consensus.validation.BlockContext;
import org.minicoin.node.daemon.Node;
import org.minicoin.node.ledger.BlockIndexEntry;
import org.minicoin.node.ledger.ChainState;
import org.minicoin.node.mempool.Mempool;
import org.minicoin.node.mempool.MempoolEntry;
import org.minicoin.node.rpc.json.BlockJson;
import org.minicoin.node.rpc.json.CoreJson;
import org.minicoin.node.rpc.server.RpcException;

/**
 * The blockchain and mempool RPCs whose results come straight from the chain state and mempool, with Bitcoin Core's
 * result fields (v29): block counts and hashes, chain info and tips, deployments, mempool info and entries,
 * invalidate/reconsider. Arguments arrive already typed; the registration maps parameters to them.
 */
public final class ChainRpc {
    static final JsonNodeFactory JSON = JsonNodeFactory.instance;

    private final Node node;
    private final ChainState chain;
    private final Mempool mempool;

    public ChainRpc(Node node) {
        this.node = node;
        this.chain = node.chain();
        this.mempool = node.mempool();
    }

    public long getblockcount() {
        return chain.height();
    }

    public String getbestblockhash() {
        return chain.tip().hash().toString();
    }

    public String getblockhash(int height) {
        BlockIndexEntry e = chain.activeAt(height);
        if (e == null) {
            throw new RpcException(RpcErrors.INVALID_PARAMETER, "Block height out of range");
        }
        return e.hash().toString();
    }

    public double getdifficulty() {
        return difficulty(chain.tip().bits());
    }

    /** Core's GetDifficulty. */
    public static double difficulty(long bits) {
        return BlockJson.difficulty(bits);
    }

    /** The 64-hex-digit target of compact {@code bits}. */
    public static String target(long bits) {
        return String.format("%064x", CompactTarget.decode(bits).target());
    }

    public ObjectNode getblockchaininfo() {
        BlockIndexEntry tip;
        synchronized (chain) {
            tip = chain.tip();
        }
        ObjectNode o = JSON.objectNode();
        o.put("chain", chainName(node.params()));
        o.put("blocks", tip.height());
        o.put("headers", chain.bestHeader().height());
        o.put("bestblockhash", tip.hash().toString());
        o.put("bits", String.format("%08x", tip.bits()));
        o.put("target", target(tip.bits()));
        o.put("difficulty", difficulty(tip.bits()));
        o.put("time", tip.time());
        o.put("mediantime", BlockContext.medianTimePast(tip));
        o.put("verificationprogress", verificationProgress(tip, chain.now(), node.params()));
        o.put("initialblockdownload", chain.isInitialBlockDownload());
        o.put("chainwork", String.format("%064x", tip.chainWork()));
        o.put("size_on_disk", sizeOnDisk(node.networkDir()));
        o.put("pruned", false);
        o.putArray("warnings");
        return o;
    }

    /** Core's chain type string: "main", "regtest", or the spec's name. */
    static String chainName(ChainParams params) {
        return params.name();
    }

    /**
     * Core's GuessVerificationProgress, with the transaction rate taken from the chain itself (Core uses per-network
     * constants): the share of the transactions that exist by now that the chain up to {@code tip} holds.
     */
    public static double verificationProgress(BlockIndexEntry tip, long now, ChainParams params) {
        long genesisTime = params.genesis().header().time();
        long span = tip.time() - genesisTime;
        if (tip.chainTxCount() == 0) {
            return 0.0;
        }
        double rate = span <= 0 ? 0 : (double) tip.chainTxCount() / span;
        double total = tip.chainTxCount() + Math.max(0, now - tip.time()) * rate;
        return Math.min(1.0, tip.chainTxCount() / total);
    }

    static long sizeOnDisk(Path dir) {
        try (Stream<Path> files = Files.walk(dir.resolve("ledger"))) {
            return files.filter(Files::isRegularFile).mapToLong(p -> {
                try {
                    return Files.size(p);
                } catch (IOException e) {
                    return 0;
                }
            }).sum();
        } catch (IOException e) {
            return 0;
        }
    }

    public ArrayNode getchaintips() {
        ArrayNode out = JSON.arrayNode();
        synchronized (chain) {
            for (BlockIndexEntry tip : chain.chainTips()) {
                ObjectNode o = out.addObject();
                o.put("height", tip.height());
                o.put("hash", tip.hash().toString());
                BlockIndexEntry fork = tip;
                while (!chain.isActive(fork)) {
                    fork = fork.previous();
                }
                o.put("branchlen", tip.height() - fork.height());
                String status;
                if (chain.isActive(tip)) {
                    status = "active";
                } else if (tip.isFailed()) {
                    status = "invalid";
                } else if (!tip.hasChainData()) {
                    status = "headers-only";
                } else if (tip.has(BlockIndexEntry.FULLY_VALID)) {
                    status = "valid-fork";
                } else {
                    status = "valid-headers";
                }
                o.put("status", status);
            }
        }
        return out;
    }

    /** Core's getchaintxstats over the {@code nblocks} blocks ending at {@code blockhash} (default: the tip). */
    public ObjectNode getchaintxstats(Integer nblocks, Hash blockhash) {
        BlockIndexEntry end;
        synchronized (chain) {
            if (blockhash == null) {
                end = chain.tip();
            } else {
                end = entry(blockhash);
                if (!chain.isActive(end)) {
                    throw new RpcException(RpcErrors.INVALID_PARAMETER, "Block is not in main chain");
                }
            }
        }
        // Core's default window: one month of blocks at the target spacing.
        int window = nblocks != null ? nblocks
                : (int) Math.max(0, Math.min(end.height() - 1, 30L * 24 * 60 * 60 / node.params().powTargetSpacing()));
        if (window < 0 || (window > 0 && window >= end.height())) {
            throw new RpcException(RpcErrors.INVALID_PARAMETER,
                    "Invalid block count: should be between 0 and the block's height - 1");
        }
        ObjectNode o = JSON.objectNode();
        o.put("time", end.time());
        o.put("txcount", end.chainTxCount());
        o.put("window_final_block_hash", end.hash().toString());
        o.put("window_final_block_height", end.height());
        o.put("window_block_count", window);
        if (window > 0) {
            BlockIndexEntry start = end.ancestor(end.height() - window);
            long interval = end.time() - start.time();
            long txs = end.chainTxCount() - start.chainTxCount();
            o.put("window_interval", interval);
            o.put("window_tx_count", txs);
            if (interval > 0) {
                o.put("txrate", (double) txs / interval);
            }
        }
        return o;
    }

    /** Core's getdeploymentinfo: minicoin's soft forks are all buried at fixed heights. */
    public ObjectNode getdeploymentinfo(Hash blockhash) {
        BlockIndexEntry at = blockhash == null ? chain.tip() : entry(blockhash);
        SoftForks f = node.params().softForks();
        ObjectNode o = JSON.objectNode();
        o.put("hash", at.hash().toString());
        o.put("height", at.height());
        ObjectNode d = o.putObject("deployments");
        buried(d, "bip34", f.bip34Height(), at.height());
        buried(d, "bip66", f.bip66Height(), at.height());
        buried(d, "bip65", f.bip65Height(), at.height());
        buried(d, "csv", f.csvHeight(), at.height());
        buried(d, "segwit", f.segwitHeight(), at.height());
        return o;
    }

    private static void buried(ObjectNode deployments, String name, int height, int at) {
        ObjectNode o = deployments.putObject(name);
        o.put("type", "buried");
        o.put("active", at + 1 >= height); // Core reports whether it applies to the next block
        o.put("height", height);
    }

    /** Core's getindexinfo: the transaction index when -txindex is on. */
    public ObjectNode getindexinfo(String name) {
        ObjectNode o = JSON.objectNode();
        var index = node.txIndex();
        if (index != null && (name == null || name.equals("txindex"))) {
            ObjectNode t = o.putObject("txindex");
            t.put("synced", index.synced());
            t.put("best_block_height", index.bestHeight());
        }
        return o;
    }

    /**
     * Core's verifychain on the last {@code nblocks} blocks (0 = all): level 0 reads each block, 1 checks it, 2 reads
     * and parses its undo data, 3 disconnects it from a scratch copy of the coins and checks the undo data matches.
     */
    public boolean verifychain(int checkLevel, int nblocks) {
        if (checkLevel < 0 || checkLevel > 4) {
            throw new RpcException(RpcErrors.INVALID_PARAMETER, "checklevel must be between 0 and 4");
        }
        return chain.verifyChain(Math.min(checkLevel, 3), nblocks <= 0 ? Integer.MAX_VALUE : nblocks);
    }

    BlockIndexEntry entry(Hash hash) {
        BlockIndexEntry e = chain.entry(hash);
        if (e == null) {
            throw new RpcException(RpcErrors.INVALID_ADDRESS_OR_KEY, "Block not found");
        }
        return e;
    }

    public void invalidateblock(Hash hash) {
        entry(hash);
        chain.invalidateBlock(hash);
    }

    public void reconsiderblock(Hash hash) {
        entry(hash);
        chain.reconsiderBlock(hash);
    }

    // ------------------------------------------------------------------------------------------------ mempool

    public ObjectNode getmempoolinfo() {
        ObjectNode o = JSON.objectNode();
        synchronized (chain) {
            o.put("loaded", true);
            o.put("size", mempool.size());
            o.put("bytes", mempool.totalVsize());
            o.put("usage", mempool.usage());
            o.set("total_fee", amount(mempool.totalFee()));
            o.put("maxmempool", mempool.options().maxBytes());
            long minRelay = mempool.options().minRelayFee().satPerKvB();
            o.set("mempoolminfee", amount(Math.max(mempool.minFee().satPerKvB(), minRelay)));
            o.set("minrelaytxfee", amount(minRelay));
            o.set("incrementalrelayfee", amount(mempool.options().incrementalRelayFee().satPerKvB()));
            o.put("unbroadcastcount", mempool.unbroadcast().size());
            o.put("fullrbf", false); // minicoin does not replace mempool transactions yet
        }
        return o;
    }

    public JsonNode getrawmempool(boolean verbose, boolean mempoolSequence) {
        if (verbose && mempoolSequence) {
            throw new RpcException(RpcErrors.INVALID_PARAMETER,
                    "Verbose results cannot contain mempool sequence values.");
        }
        synchronized (chain) {
            List<MempoolEntry> entries = mempool.entries();
            if (verbose) {
                ObjectNode o = JSON.objectNode();
                for (MempoolEntry e : entries) {
                    o.set(e.txid().toString(), entryJson(e));
                }
                return o;
            }
            ArrayNode txids = JSON.arrayNode();
            entries.forEach(e -> txids.add(e.txid().toString()));
            if (!mempoolSequence) {
                return txids;
            }
            ObjectNode o = JSON.objectNode();
            o.set("txids", txids);
            o.put("mempool_sequence", mempool.sequence());
            return o;
        }
    }

    public ObjectNode getmempoolentry(Hash txid) {
        synchronized (chain) {
            return entryJson(inMempool(txid));
        }
    }

    public JsonNode getmempoolancestors(Hash txid, boolean verbose) {
        synchronized (chain) {
            return entrySet(mempool.ancestors(inMempool(txid)), verbose);
        }
    }

    public JsonNode getmempooldescendants(Hash txid, boolean verbose) {
        synchronized (chain) {
            return entrySet(mempool.descendants(inMempool(txid)), verbose);
        }
    }

    private JsonNode entrySet(java.util.Collection<MempoolEntry> set, boolean verbose) {
        List<MempoolEntry> sorted = new ArrayList<>(set);
        sorted.sort(Comparator.comparingLong(MempoolEntry::sequence));
        if (verbose) {
            ObjectNode o = JSON.objectNode();
            sorted.forEach(e -> o.set(e.txid().toString(), entryJson(e)));
            return o;
        }
        ArrayNode a = JSON.arrayNode();
        sorted.forEach(e -> a.add(e.txid().toString()));
        return a;
    }

    private MempoolEntry inMempool(Hash txid) {
        MempoolEntry e = mempool.entry(txid);
        if (e == null) {
            throw new RpcException(RpcErrors.INVALID_ADDRESS_OR_KEY, "Transaction not in mempool");
        }
        return e;
    }

    /** Core v29's entryToJSON. */
    private ObjectNode entryJson(MempoolEntry e) {
        Mempool.PackageStats anc = mempool.withAncestors(e);
        Mempool.PackageStats desc = mempool.withDescendants(e);
        ObjectNode o = JSON.objectNode();
        o.put("vsize", e.vsize());
        o.put("weight", e.weight());
        o.put("time", e.time());
        o.put("height", e.height());
        o.put("descendantcount", desc.count());
        o.put("descendantsize", desc.vsize());
        o.put("ancestorcount", anc.count());
        o.put("ancestorsize", anc.vsize());
        o.put("wtxid", e.tx().wtxid().toString());
        ObjectNode fees = o.putObject("fees");
        fees.set("base", amount(e.fee()));
        fees.set("modified", amount(e.fee()));
        fees.set("ancestor", amount(anc.fees()));
        fees.set("descendant", amount(desc.fees()));
        ArrayNode depends = o.putArray("depends");
        e.parents().stream().map(p -> p.txid().toString()).sorted().forEach(depends::add);
        ArrayNode spentby = o.putArray("spentby");
        e.children().stream().map(c -> c.txid().toString()).sorted().forEach(spentby::add);
        o.put("bip125-replaceable", false);
        o.put("unbroadcast", mempool.unbroadcast().contains(e.txid()));
        return o;
    }

    /** An amount in coins with 8 decimals, as Core's ValueFromAmount. */
    static JsonNode amount(long sats) {
        return CoreJson.amount(sats);
    }
}
