package org.minicoin.node.rpc.methods;

import static org.minicoin.node.rpc.methods.ChainRpc.JSON;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.minicoin.consensus.address.Address;
import org.minicoin.consensus.address.AddressException;
import org.minicoin.consensus.encoding.DecodeException;
import org.minicoin.consensus.encoding.Hex;
import org.minicoin.consensus.params.ChainParams;
import org.minicoin.consensus.types.Block;
import org.minicoin.consensus.types.Hash;
import org.minicoin.consensus.types.Transaction;
import org.minicoin.consensus.types.TxIn;
import org.minicoin.consensus.validation.ConsensusLimits;
import org.minicoin.consensus.validation.ValidationException;
import org.minicoin.node.daemon.Node;
import org.minicoin.node.ledger.BlockIndexEntry;
import org.minicoin.node.ledger.ChainState;
import org.minicoin.node.mempool.MempoolEntry;
import org.minicoin.node.mining.BlockTemplate;
import org.minicoin.node.rpc.server.RpcException;

/** Core's mining RPCs: getmininginfo, getnetworkhashps, generatetoaddress, generateblock, getblocktemplate, submitblock. */
public final class MiningRpc {
    private final Node node;
    private final ChainState chain;

    public MiningRpc(Node node) {
        this.node = node;
        this.chain = node.chain();
    }

    public ObjectNode getmininginfo() {
        BlockIndexEntry tip = chain.tip();
        ObjectNode o = JSON.objectNode();
        o.put("blocks", tip.height());
        o.put("bits", String.format("%08x", tip.bits()));
        o.put("difficulty", ChainRpc.difficulty(tip.bits()));
        o.put("target", ChainRpc.target(tip.bits()));
        o.put("networkhashps", getnetworkhashps(120, -1));
        o.put("pooledtx", node.mempool().size());
        o.put("chain", ChainRpc.chainName(node.params()));
        o.putArray("warnings");
        return o;
    }

    /**
     * Core's GetNetworkHashPS: the work done over the last {@code nblocks} blocks (-1: since the last retarget)
     * ending at {@code height} (-1: the tip), divided by the time they took.
     */
    public double getnetworkhashps(int nblocks, int height) {
        BlockIndexEntry end = height < 0 || height > chain.height() ? chain.tip() : chain.activeAt(height);
        if (end == null || end.height() == 0) {
            return 0;
        }
        long interval = node.params().powTargetTimespan() / node.params().powTargetSpacing();
        if (nblocks <= 0) {
            nblocks = (int) (end.height() % interval + 1);
        }
        nblocks = Math.min(nblocks, end.height());
        BlockIndexEntry start = end.ancestor(end.height() - nblocks);
        long minTime = start.time();
        long maxTime = minTime;
        for (BlockIndexEntry e = end; e != start; e = e.previous()) {
            minTime = Math.min(minTime, e.time());
            maxTime = Math.max(maxTime, e.time());
        }
        if (minTime == maxTime) {
            return 0;
        }
        BigInteger work = end.chainWork().subtract(start.chainWork());
        return work.doubleValue() / (maxTime - minTime);
    }

    /** The output script of an address of this network, or Core's -5 "Error: Invalid address". */
    byte[] script(String address) {
        return script(address, node.params());
    }

    /** The output script of {@code address} on the network of {@code params}, or Core's -5 "Invalid address". */
    static byte[] script(String address, ChainParams params) {
        try {
            return Address.toScriptPubKey(address, params);
        } catch (AddressException e) {
            throw new RpcException(RpcErrors.INVALID_ADDRESS_OR_KEY, "Error: Invalid address");
        }
    }

    public ArrayNode generatetoaddress(int nblocks, String address, long maxTries) {
        byte[] spk = script(address);
        ArrayNode out = JSON.arrayNode();
        for (Hash h : node.mining().generate(nblocks, spk, maxTries)) {
            out.add(h.toString());
        }
        return out;
    }

    /**
     * Core's generateblock: {@code transactions} are txids of mempool transactions or raw transactions in hex, mined
     * in that order into one block paying to {@code output} (an address).
     */
    public ObjectNode generateblock(String output, List<String> transactions, boolean submit) {
        byte[] spk = script(output);
        List<Transaction> txs = new ArrayList<>();
        for (String s : transactions) {
            if (s.length() == 64 && s.chars().allMatch(c -> Character.digit(c, 16) >= 0)) {
                MempoolEntry e = node.mempool().entry(Hash.fromHex(s));
                if (e == null) {
                    throw new RpcException(RpcErrors.INVALID_ADDRESS_OR_KEY, "Transaction " + s + " not in mempool.");
                }
                txs.add(e.tx());
            } else {
                txs.add(decodeTx(s));
            }
        }
        Block block;
        try {
            block = node.mining().generateBlock(spk, txs, submit);
        } catch (ValidationException e) {
            throw new RpcException(RpcErrors.VERIFY_ERROR, "TestBlockValidity failed: " + e.reason());
        }
        ObjectNode o = JSON.objectNode();
        o.put("hash", block.hash().toString());
        if (!submit) {
            o.put("hex", Hex.encode(block.serialize()));
        }
        return o;
    }

    static Transaction decodeTx(String hex) {
        try {
            return Transaction.fromHex(hex);
        } catch (DecodeException | IllegalArgumentException e) {
            throw new RpcException(RpcErrors.DESERIALIZATION_ERROR,
                    "TX decode failed. Make sure the tx has at least one input.");
        }
    }

    /**
     * Core's submitheader: indexes a valid header whose parent is known, without its block (the block can follow
     * with submitblock or from a peer); an unknown parent is -25 "Must submit previous header (...) first", an
     * invalid header -25 with the reject reason.
     */
    public void submitheader(String hexdata) {
        org.minicoin.consensus.types.BlockHeader h;
        try {
            h = org.minicoin.consensus.types.BlockHeader.fromHex(hexdata);
        } catch (DecodeException | IllegalArgumentException e) {
            throw new RpcException(RpcErrors.DESERIALIZATION_ERROR, "Block header decode failed");
        }
        if (chain.entry(h.prevBlock()) == null) {
            throw new RpcException(RpcErrors.VERIFY_ERROR, "Must submit previous header (" + h.prevBlock() + ") first");
        }
        try {
            chain.processHeader(h);
        } catch (ValidationException e) {
            throw new RpcException(RpcErrors.VERIFY_ERROR, e.code());
        }
    }

    /** Core's submitblock: null when accepted, else Core's BIP-0022 result string. */
    public String submitblock(String hexdata) {
        Block block;
        try {
            block = Block.fromHex(hexdata);
        } catch (DecodeException | IllegalArgumentException e) {
            throw new RpcException(RpcErrors.DESERIALIZATION_ERROR, "Block decode failed");
        }
        if (block.transactions().isEmpty() || !block.transactions().get(0).isCoinbase()) {
            throw new RpcException(RpcErrors.DESERIALIZATION_ERROR, "Block does not start with a coinbase");
        }
        return node.mining().submitBlock(block);
    }

    /**
     * Core's getblocktemplate in template mode (BIP-0022/0023/0009 fields). {@code rules} must include "segwit";
     * {@code payTo} is the output script the coinbase in the template pays (miners replace the coinbase; minicoin
     * needs one to build the template, so an anyone-can-spend placeholder is used when none is given).
     */
    public ObjectNode getblocktemplate(List<String> rules, String mode) {
        if (mode != null && !mode.equals("template")) {
            throw new RpcException(RpcErrors.INVALID_PARAMETER, "Invalid mode");
        }
        if (rules == null || !rules.contains("segwit")) {
            throw new RpcException(RpcErrors.INVALID_PARAMETER,
                    "getblocktemplate must be called with the segwit rule set (call with {\"rules\": [\"segwit\"]})");
        }
        BlockTemplate t = node.mining().template(new byte[] {0x51});
        Block block = t.block();
        ChainParams params = node.params();
        ObjectNode o = JSON.objectNode();
        o.putArray("capabilities").add("proposal");
        o.put("version", block.header().version());
        ArrayNode ruleList = o.putArray("rules");
        if (t.height() >= params.softForks().csvHeight()) {
            ruleList.add("csv");
        }
        if (t.height() >= params.softForks().segwitHeight()) {
            ruleList.add("!segwit");
        }
        o.putObject("vbavailable");
        o.put("vbrequired", 0);
        o.put("previousblockhash", block.header().prevBlock().toString());
        ArrayNode txs = o.putArray("transactions");
        Map<Hash, Integer> position = new HashMap<>();
        List<Transaction> all = block.transactions();
        for (int i = 1; i < all.size(); i++) {
            Transaction tx = all.get(i);
            position.put(tx.txid(), i);
            ObjectNode j = txs.addObject();
            j.put("data", Hex.encode(tx.serialize()));
            j.put("txid", tx.txid().toString());
            j.put("hash", tx.wtxid().toString());
            ArrayNode depends = j.putArray("depends");
            for (TxIn in : tx.inputs()) {
                Integer p = position.get(in.prevout().txid());
                if (p != null && !containsInt(depends, p)) {
                    depends.add(p);
                }
            }
            j.put("fee", t.fees().get(i));
            j.put("sigops", t.sigOpCosts().get(i));
            j.put("weight", tx.weight());
        }
        o.putObject("coinbaseaux");
        o.put("coinbasevalue", t.coinbaseValue());
        o.put("longpollid", block.header().prevBlock() + Long.toString(node.mempool().sequence()));
        o.put("target", String.format("%064x", t.target()));
        o.put("mintime", t.minTime());
        ArrayNode mutable = o.putArray("mutable");
        mutable.add("time").add("transactions").add("prevblock");
        o.put("noncerange", "00000000ffffffff");
        o.put("sigoplimit", ConsensusLimits.MAX_BLOCK_SIGOPS_COST);
        o.put("sizelimit", 4_000_000);
        o.put("weightlimit", ConsensusLimits.MAX_BLOCK_WEIGHT);
        o.put("curtime", block.header().time());
        o.put("bits", String.format("%08x", block.header().bits()));
        o.put("height", t.height());
        t.witnessCommitment().ifPresent(c -> o.put("default_witness_commitment", Hex.encode(c)));
        return o;
    }

    private static boolean containsInt(ArrayNode a, int v) {
        for (JsonNode n : a) {
            if (n.asInt() == v) {
                return true;
            }
        }
        return false;
    }
}
