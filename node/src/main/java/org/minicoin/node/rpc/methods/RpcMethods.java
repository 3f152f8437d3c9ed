package org.minicoin.node.rpc.methods;

import static org.minicoin.node.rpc.server.RpcParam.Type.AMOUNT;
import static org.minicoin.node.rpc.server.RpcParam.Type.ARR;
import static org.minicoin.node.rpc.server.RpcParam.Type.BOOL;
import static org.minicoin.node.rpc.server.RpcParam.Type.NUM;
import static org.minicoin.node.rpc.server.RpcParam.Type.OBJ;
import static org.minicoin.node.rpc.server.RpcParam.Type.RANGE;
import static org.minicoin.node.rpc.server.RpcParam.Type.STR;
import static org.minicoin.node.rpc.server.RpcParam.Type.STR_HEX;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.minicoin.consensus.descriptor.Descriptor;
import org.minicoin.consensus.descriptor.DescriptorException;
import org.minicoin.consensus.types.Amount;
import org.minicoin.consensus.types.Hash;
import org.minicoin.node.daemon.Mining;
import org.minicoin.node.daemon.Node;
import org.minicoin.node.rpc.server.RpcException;
import org.minicoin.node.rpc.server.RpcMethod;
import org.minicoin.node.rpc.server.RpcParam;
import org.minicoin.node.rpc.server.RpcParams;
import org.minicoin.node.rpc.server.RpcRegistry;

/**
 * Registers every RPC method of the node with Bitcoin Core's names, parameter names and defaults, mapping the
 * JSON parameters to the typed methods of {@link ChainRpc}, {@link BlockRpc}, {@link MiningRpc}, {@link TxRpc},
 * {@link UtilRpc} and {@link NetworkRpc}.
 */
public final class RpcMethods {
    private static final JsonNodeFactory JSON = JsonNodeFactory.instance;

    private final RpcRegistry registry;

    private RpcMethods(RpcRegistry registry) {
        this.registry = registry;
    }

    /** A registry holding all methods of {@code node}; {@code stop} runs {@code onStop}. */
    public static RpcRegistry registry(Node node, Runnable onStop) {
        RpcRegistry registry = new RpcRegistry();
        RpcMethods m = new RpcMethods(registry);
        m.blockchain(node);
        m.mining(node);
        m.rawTransactions(node);
        m.util(node, onStop);
        m.network(new NetworkRpc(node));
        return registry;
    }

    private void add(String name, String category, String description, List<RpcParam> params,
                     RpcMethod.Handler handler) {
        registry.register(new RpcMethod(name, category, description, params, handler));
    }

    private static RpcParam req(String name, RpcParam.Type type, String description) {
        return RpcParam.required(name, type, description);
    }

    private static RpcParam opt(String name, RpcParam.Type type, String hint, String description) {
        return RpcParam.withHint(name, type, hint, description);
    }

    /** Core's ParseHashV: 64 hex digits, or -8 with Core's message. */
    static Hash hash(RpcParams p, String name) {
        String s = p.getString(name);
        if (s.length() != 64) {
            throw new RpcException(RpcErrors.INVALID_PARAMETER,
                    name + " must be of length 64 (not " + s.length() + ", for '" + s + "')");
        }
        if (!s.chars().allMatch(c -> Character.digit(c, 16) >= 0)) {
            throw new RpcException(RpcErrors.INVALID_PARAMETER, name + " must be hexadecimal string (not '" + s + "')");
        }
        return Hash.fromHex(s);
    }

    private static Optional<Hash> optHash(RpcParams p, String name) {
        return p.find(name).filter(n -> !n.isNull()).map(n -> hash(p, name));
    }

    /** An amount in coins (number or string), exactly; Core's AmountFromValue. */
    static long amount(RpcParams p, String name, long defaultSats) {
        Optional<JsonNode> v = p.find(name).filter(n -> !n.isNull());
        if (v.isEmpty()) {
            return defaultSats;
        }
        JsonNode n = v.get();
        if (!n.isNumber() && !n.isTextual()) {
            throw new RpcException(RpcErrors.TYPE_ERROR, "Amount is not a number or string");
        }
        try {
            String text = n.isNumber() ? n.decimalValue().toPlainString() : n.asText();
            long sats = Amount.parseCoins(text).sats();
            return sats;
        } catch (IllegalArgumentException | ArithmeticException e) {
            throw new RpcException(RpcErrors.TYPE_ERROR, n.isNumber() || n.asText().matches("[0-9.]+")
                    ? "Invalid amount" : "Amount is not a number or string");
        }
    }

    private static boolean flag(RpcParams p, String name, boolean def) {
        JsonNode n = p.find(name).orElse(null);
        if (n == null || n.isNull()) {
            return def;
        }
        if (n.isBoolean()) {
            return n.asBoolean();
        }
        if (n.isNumber()) {
            return n.asInt() != 0; // Core accepts 0/1 for getblock's old boolean verbosity and getrawtransaction
        }
        throw new RpcException(RpcErrors.TYPE_ERROR, "JSON value of type " + n.getNodeType().name().toLowerCase()
                + " is not of expected type bool");
    }

    private static int integer(RpcParams p, String name, int def) {
        return p.findInt(name).orElse(def);
    }

    private static List<String> strings(ArrayNode a) {
        List<String> out = new ArrayList<>();
        a.forEach(n -> out.add(n.asText()));
        return out;
    }

    // ------------------------------------------------------------------------------------------------ methods

    private void blockchain(Node node) {
        ChainRpc c = new ChainRpc(node);
        BlockRpc b = new BlockRpc(node);
        String cat = "blockchain";
        add("getblockcount", cat, "Returns the height of the most-work fully-validated chain.", List.of(),
                p -> JSON.numberNode(c.getblockcount()));
        add("getbestblockhash", cat, "Returns the hash of the best (tip) block in the most-work fully-validated chain.",
                List.of(), p -> JSON.textNode(c.getbestblockhash()));
        add("getblockhash", cat, "Returns hash of block in best-block-chain at height provided.",
                List.of(req("height", NUM, "The height index")), p -> JSON.textNode(c.getblockhash(p.getInt("height"))));
        add("getdifficulty", cat, "Returns the proof-of-work difficulty as a multiple of the minimum difficulty.",
                List.of(), p -> JSON.numberNode(c.getdifficulty()));
        add("getblockchaininfo", cat, "Returns an object containing various state info regarding blockchain "
                + "processing.", List.of(), p -> c.getblockchaininfo());
        add("getchaintips", cat, "Return information about all known tips in the block tree, including the main "
                + "chain as well as orphaned branches.", List.of(), p -> c.getchaintips());
        add("getchaintxstats", cat, "Compute statistics about the total number and rate of transactions in the "
                        + "chain.",
                List.of(opt("nblocks", NUM, "one month", "Size of the window in number of blocks"),
                        opt("blockhash", STR_HEX, "chain tip", "The hash of the block that ends the window.")),
                p -> c.getchaintxstats(p.findInt("nblocks").orElse(null), optHash(p, "blockhash").orElse(null)));
        add("getdeploymentinfo", cat, "Returns an object containing various state info regarding deployments of "
                        + "consensus changes.",
                List.of(opt("blockhash", STR_HEX, "hash of current chain tip", "The block hash at which to query "
                        + "deployment state")),
                p -> c.getdeploymentinfo(optHash(p, "blockhash").orElse(null)));
        add("getblockheader", cat, "If verbose is false, returns a string that is serialized, hex-encoded data for "
                        + "blockheader 'hash'. If verbose is true, returns an Object with information about blockheader "
                        + "<hash>.",
                List.of(req("blockhash", STR_HEX, "The block hash"),
                        opt("verbose", BOOL, "true", "true for a json object, false for the hex-encoded data")),
                p -> b.getblockheader(hash(p, "blockhash"), flag(p, "verbose", true)));
        add("getblock", cat, "If verbosity is 0, returns a string that is serialized, hex-encoded data for block "
                        + "'hash'. If verbosity is 1, returns an Object with information about block <hash>. If "
                        + "verbosity is 2, returns an Object with information about block <hash> and information about "
                        + "each transaction. If verbosity is 3, returns an Object with information about block <hash> "
                        + "and information about each transaction, including prevout information for inputs.",
                List.of(req("blockhash", STR_HEX, "The block hash"),
                        opt("verbosity|verbose", NUM, "1", "0 for hex-encoded data, 1 for a JSON object, 2 for JSON "
                                + "object with transaction data, and 3 for JSON object with transaction data including "
                                + "prevout information for inputs")),
                p -> {
                    JsonNode v = p.find("verbosity").orElse(null);
                    int verbosity = v == null || v.isNull() ? 1 : v.isBoolean() ? (v.asBoolean() ? 1 : 0)
                            : p.getInt("verbosity");
                    return b.getblock(hash(p, "blockhash"), verbosity);
                });
        add("getblockstats", cat, "Compute per block statistics for a given window. All amounts are in satoshis.",
                List.of(req("hash_or_height", AMOUNT, "The block hash or height of the target block"),
                        opt("stats", ARR, "all values", "Values to plot (see result below)")),
                p -> b.getblockstats(p.at(0), p.find("stats").filter(JsonNode::isArray)
                        .map(n -> strings((ArrayNode) n)).orElse(null)));
        add("gettxout", cat, "Returns details about an unspent transaction output.",
                List.of(req("txid", STR_HEX, "The transaction id"), req("n", NUM, "vout number"),
                        opt("include_mempool", BOOL, "true", "Whether to include the mempool. Note that an unspent "
                                + "output that is spent in the mempool won't appear.")),
                p -> b.gettxout(hash(p, "txid"), p.getLong("n"), flag(p, "include_mempool", true)));
        add("gettxoutsetinfo", cat, "Returns statistics about the unspent transaction output set.",
                List.of(opt("hash_type", STR, "hash_serialized_3", "Which UTXO set hash should be calculated. "
                        + "Options: 'hash_serialized_3' (the legacy algorithm), 'muhash', 'none'.")),
                p -> b.gettxoutsetinfo(p.findString("hash_type").orElse(null)));
        add("scantxoutset", cat, "Scans the unspent transaction output set for entries that match certain output "
                        + "descriptors.",
                List.of(req("action", STR, "The action to execute: \"start\", \"abort\" or \"status\""),
                        opt("scanobjects", ARR, "", "Array of scan objects: descriptors or {\"desc\", \"range\"}")),
                p -> {
                    JsonNode r = b.scantxoutset(p.getString("action"),
                            p.find("scanobjects").filter(JsonNode::isArray).map(n -> (ArrayNode) n).orElse(null));
                    return r == null ? JSON.nullNode() : r;
                });
        add("invalidateblock", cat, "Permanently marks a block as invalid, as if it violated a consensus rule.",
                List.of(req("blockhash", STR_HEX, "the hash of the block to mark as invalid")), p -> {
                    c.invalidateblock(hash(p, "blockhash"));
                    return JSON.nullNode();
                });
        add("reconsiderblock", cat, "Removes invalidity status of a block, its ancestors and its descendants, "
                        + "reconsider them for activation.",
                List.of(req("blockhash", STR_HEX, "the hash of the block to reconsider")), p -> {
                    c.reconsiderblock(hash(p, "blockhash"));
                    return JSON.nullNode();
                });
        add("getmempoolinfo", cat, "Returns details on the active state of the TX memory pool.", List.of(),
                p -> c.getmempoolinfo());
        add("getrawmempool", cat, "Returns all transaction ids in memory pool as a json array of string "
                        + "transaction ids.",
                List.of(opt("verbose", BOOL, "false", "True for a json object, false for array of transaction ids"),
                        opt("mempool_sequence", BOOL, "false", "If verbose=false, returns a json object with "
                                + "transaction list and mempool sequence number attached.")),
                p -> c.getrawmempool(flag(p, "verbose", false), flag(p, "mempool_sequence", false)));
        add("getmempoolentry", cat, "Returns mempool data for given transaction",
                List.of(req("txid", STR_HEX, "The transaction id (must be in mempool)")),
                p -> c.getmempoolentry(hash(p, "txid")));
        add("getmempoolancestors", cat, "If txid is in the mempool, returns all in-mempool ancestors.",
                List.of(req("txid", STR_HEX, "The transaction id (must be in mempool)"),
                        opt("verbose", BOOL, "false", "True for a json object, false for array of transaction ids")),
                p -> c.getmempoolancestors(hash(p, "txid"), flag(p, "verbose", false)));
        add("getmempooldescendants", cat, "If txid is in the mempool, returns all in-mempool descendants.",
                List.of(req("txid", STR_HEX, "The transaction id (must be in mempool)"),
                        opt("verbose", BOOL, "false", "True for a json object, false for array of transaction ids")),
                p -> c.getmempooldescendants(hash(p, "txid"), flag(p, "verbose", false)));
        add("verifychain", cat, "Verifies blockchain database.",
                List.of(opt("checklevel", NUM, "3, range=0-4", "How thorough the block verification is."),
                        opt("nblocks", NUM, "6, 0=all", "The number of blocks to check.")),
                p -> JSON.booleanNode(c.verifychain(integer(p, "checklevel", 3), integer(p, "nblocks", 6))));
        add("getindexinfo", cat, "Returns the status of one or all available indices currently running in the "
                        + "node.",
                List.of(opt("index_name", STR, "", "Filter results for an index with a specific name.")),
                p -> c.getindexinfo(p.findString("index_name").orElse(null)));
    }

    private void mining(Node node) {
        MiningRpc m = new MiningRpc(node);
        add("getmininginfo", "mining", "Returns a json object containing mining-related information.", List.of(),
                p -> m.getmininginfo());
        add("getnetworkhashps", "mining", "Returns the estimated network hashes per second based on the last n "
                        + "blocks.",
                List.of(opt("nblocks", NUM, "120", "The number of previous blocks to calculate estimate from, or -1 "
                                + "for blocks since last difficulty change."),
                        opt("height", NUM, "-1", "To estimate at the time of the given height.")),
                p -> JSON.numberNode(m.getnetworkhashps(integer(p, "nblocks", 120), integer(p, "height", -1))));
        add("getblocktemplate", "mining", "Returns data needed to construct a block to work on (BIP 22, 23, 9, 145).",
                List.of(opt("template_request", OBJ, "{}", "Format of the template")), p -> {
                    JsonNode req = p.find("template_request").orElse(JSON.objectNode());
                    List<String> rules = req.has("rules") ? strings((ArrayNode) req.get("rules")) : null;
                    return m.getblocktemplate(rules, req.has("mode") ? req.get("mode").asText() : null);
                });
        add("submitblock", "mining", "Attempts to submit new block to network.",
                List.of(req("hexdata", STR_HEX, "the hex-encoded block data to submit"),
                        opt("dummy", STR, "ignored", "dummy value, for compatibility with BIP22. This value is "
                                + "ignored.")), p -> {
                    String r = m.submitblock(p.getString("hexdata"));
                    return r == null ? JSON.nullNode() : JSON.textNode(r);
                });
        add("submitheader", "mining", "Decode the given hexdata as a header and submit it as a candidate chain tip "
                        + "if valid.",
                List.of(req("hexdata", STR_HEX, "the hex-encoded block header data")),
                p -> {
                    m.submitheader(p.getString("hexdata"));
                    return JSON.nullNode();
                });
        add("generatetoaddress", "generating", "Mine to a specified address and return the block hashes.",
                List.of(req("nblocks", NUM, "How many blocks are generated."),
                        req("address", STR, "The address to send the newly generated bitcoin to."),
                        opt("maxtries", NUM, "1000000", "How many iterations to try.")),
                p -> m.generatetoaddress(p.getInt("nblocks"), p.getString("address"),
                        p.findLong("maxtries").orElse(Mining.DEFAULT_MAX_TRIES)));
        add("generatetodescriptor", "generating", "Mine to a specified descriptor and return the block hashes.",
                List.of(req("num_blocks", NUM, "How many blocks are generated."),
                        req("descriptor", STR, "The descriptor to send the newly generated bitcoin to."),
                        opt("maxtries", NUM, "1000000", "How many iterations to try.")), p -> {
                    byte[] spk = descriptorScript(node, p.getString("descriptor"));
                    ArrayNode out = JSON.arrayNode();
                    node.mining().generate(p.getInt("num_blocks"), spk,
                            p.findLong("maxtries").orElse(Mining.DEFAULT_MAX_TRIES)).forEach(h -> out.add(h.toString()));
                    return out;
                });
        add("generateblock", "generating", "Mine a set of ordered transactions to a specified address or descriptor "
                        + "and return the block hash.",
                List.of(req("output", STR, "The address or descriptor to send the newly generated bitcoin to."),
                        req("transactions", ARR, "An array of hex strings which are either txids or raw "
                                + "transactions."),
                        opt("submit", BOOL, "true", "Whether to submit the block before the RPC call returns or to "
                                + "return it as hex.")),
                p -> m.generateblock(p.getString("output"), strings(p.getArray("transactions")),
                        flag(p, "submit", true)));
    }

    /** The single output script of a descriptor, for generatetodescriptor (Core: "Cannot derive script..."). */
    private static byte[] descriptorScript(Node node, String text) {
        try {
            Descriptor d = Descriptor.parse(text, node.params());
            if (d.isRange()) {
                throw new RpcException(RpcErrors.INVALID_PARAMETER, "Ranged descriptor not accepted. Maybe pass "
                        + "through deriveaddresses first?");
            }
            List<byte[]> scripts = d.expand(0);
            if (scripts.size() != 1) {
                throw new RpcException(RpcErrors.INVALID_ADDRESS_OR_KEY, "Cannot derive script without private keys");
            }
            return scripts.get(0);
        } catch (DescriptorException e) {
            throw new RpcException(RpcErrors.INVALID_ADDRESS_OR_KEY, e.getMessage());
        }
    }

    private void rawTransactions(Node node) {
        TxRpc t = new TxRpc(node);
        BlockRpc b = new BlockRpc(node);
        String cat = "rawtransactions";
        add("sendrawtransaction", cat, "Submit a raw transaction (serialized, hex-encoded) to local node and network.",
                List.of(req("hexstring", STR_HEX, "The hex string of the raw transaction"),
                        opt("maxfeerate", AMOUNT, "0.10", "Reject transactions whose fee rate is higher than the "
                                + "specified value, expressed in BTC/kvB."),
                        opt("maxburnamount", AMOUNT, "0.00", "Reject transactions with provably unspendable outputs "
                                + "(e.g. 'datacarrier' outputs that use the OP_RETURN opcode) greater than the "
                                + "specified value, expressed in BTC.")),
                p -> JSON.textNode(t.sendrawtransaction(p.getString("hexstring"),
                        amount(p, "maxfeerate", TxRpc.DEFAULT_MAX_FEE_RATE), amount(p, "maxburnamount", 0))));
        add("testmempoolaccept", cat, "Returns result of mempool acceptance tests indicating if raw transaction(s) "
                        + "(serialized, hex-encoded) would be accepted by mempool.",
                List.of(req("rawtxs", ARR, "An array of hex strings of raw transactions."),
                        opt("maxfeerate", AMOUNT, "0.10", "Reject transactions whose fee rate is higher than the "
                                + "specified value, expressed in BTC/kvB")),
                p -> t.testmempoolaccept(strings(p.getArray("rawtxs")),
                        amount(p, "maxfeerate", TxRpc.DEFAULT_MAX_FEE_RATE)));
        add("getrawtransaction", cat, "By default, this call only returns a transaction if it is in the mempool. If "
                        + "-txindex is enabled and no blockhash argument is passed, it will return the transaction if "
                        + "it is in a block in the blockchain.",
                List.of(req("txid", STR_HEX, "The transaction id"),
                        opt("verbosity|verbose", NUM, "0", "0 for hex-encoded data, 1 for a JSON object, and 2 for JSON "
                                + "object with fee and prevout"),
                        opt("blockhash", STR_HEX, "", "The block in which to look for the transaction")), p -> {
                    JsonNode v = p.find("verbosity").orElse(null);
                    int verbosity = v == null || v.isNull() ? 0 : v.isBoolean() ? (v.asBoolean() ? 1 : 0)
                            : p.getInt("verbosity");
                    return b.getrawtransaction(hash(p, "txid"), verbosity, optHash(p, "blockhash").orElse(null));
                });
        add("decoderawtransaction", cat, "Return a JSON object representing the serialized, hex-encoded transaction.",
                List.of(req("hexstring", STR_HEX, "The transaction hex string"),
                        opt("iswitness", BOOL, "depends on heuristic tests", "Whether the transaction hex is a "
                                + "serialized witness transaction.")),
                p -> b.decoderawtransaction(p.getString("hexstring")));
        add("decodescript", cat, "Decode a hex-encoded script.",
                List.of(req("hexstring", STR_HEX, "the hex-encoded script")),
                p -> b.decodescript(p.getString("hexstring")));
        SignRpc sign = new SignRpc(node);
        add("signrawtransactionwithkey", cat, "Sign inputs for raw transaction (serialized, hex-encoded) with the given "
                        + "private keys.",
                List.of(req("hexstring", STR, "The transaction hex string"),
                        req("privkeys", ARR, "The base58-encoded private keys for signing"),
                        opt("prevtxs", ARR, "", "The previous dependent transaction outputs"),
                        opt("sighashtype", STR, "DEFAULT for Taproot, ALL otherwise", "The signature hash type.")),
                p -> sign.signrawtransactionwithkey(p.getString("hexstring"), strings(p.getArray("privkeys")),
                        p.find("prevtxs").filter(JsonNode::isArray).map(n -> (ArrayNode) n).orElse(null),
                        p.findString("sighashtype").orElse(null)));
        add("createrawtransaction", cat, "Create a transaction spending the given inputs and creating new outputs.",
                List.of(req("inputs", ARR, "The inputs"), req("outputs", ARR, "The outputs specified as key-value "
                                + "pairs."),
                        opt("locktime", NUM, "0", "Raw locktime. Non-0 value also locktime-activates inputs"),
                        opt("replaceable", BOOL, "true", "Marks this transaction as BIP125-replaceable.")),
                p -> JSON.textNode(b.createrawtransaction(p.getArray("inputs"), p.get("outputs"),
                        p.findLong("locktime").orElse(0L))));
    }

    private void util(Node node, Runnable onStop) {
        UtilRpc u = new UtilRpc(node, System.currentTimeMillis() / 1000);
        BlockRpc b = new BlockRpc(node);
        add("validateaddress", "util", "Return information about the given bitcoin address.",
                List.of(req("address", STR, "The bitcoin address to validate")),
                p -> u.validateaddress(p.getString("address")));
        add("estimatesmartfee", "util", "Estimates the approximate fee per kilobyte needed for a transaction to begin "
                        + "confirmation within conf_target blocks if possible and return the number of blocks for which "
                        + "the estimate is valid.",
                List.of(req("conf_target", NUM, "Confirmation target in blocks (1 - 1008)"),
                        opt("estimate_mode", STR, "economical", "The fee estimate mode.")),
                p -> u.estimatesmartfee(p.getInt("conf_target"), p.findString("estimate_mode").orElse(null)));
        add("getdescriptorinfo", "util", "Analyses a descriptor.",
                List.of(req("descriptor", STR, "The descriptor.")),
                p -> b.getdescriptorinfo(p.getString("descriptor")));
        add("deriveaddresses", "util", "Derives one or more addresses corresponding to an output descriptor.",
                List.of(req("descriptor", STR, "The descriptor."),
                        opt("range", RANGE, "", "If a ranged descriptor is used, this specifies the end or the range "
                                + "(in [begin,end] notation) to derive.")), p -> {
                    JsonNode r = p.find("range").orElse(null);
                    int[] range = null;
                    if (r != null && !r.isNull()) {
                        range = r.isArray() ? new int[] {r.get(0).asInt(), r.get(1).asInt()}
                                : new int[] {0, r.asInt()};
                    }
                    return b.deriveaddresses(p.getString("descriptor"), range);
                });
        add("uptime", "control", "Returns the total uptime of the server.", List.of(),
                p -> JSON.numberNode(u.uptime()));
        add("getmemoryinfo", "control", "Returns an object containing information about memory usage.",
                List.of(opt("mode", STR, "\"stats\"", "determines what kind of information is returned.")),
                p -> u.getmemoryinfo(p.findString("mode").orElse(null)));
        add("stop", "control", "Request a graceful shutdown of minicoind.", List.of(), p -> {
            onStop.run();
            return JSON.textNode("minicoin stopping");
        });
    }

    private void network(NetworkRpc n) {
        String cat = "network";
        add("getconnectioncount", cat, "Returns the number of connections to other nodes.", List.of(),
                p -> JSON.numberNode(n.getconnectioncount()));
        add("getpeerinfo", cat, "Returns data about each connected network peer as a json array of objects.",
                List.of(), p -> n.getpeerinfo());
        add("getnettotals", cat, "Returns information about network traffic.", List.of(), p -> n.getnettotals());
        add("getnetworkinfo", cat, "Returns an object containing various state info regarding P2P networking.",
                List.of(), p -> n.getnetworkinfo());
        add("addnode", cat, "Attempts to add or remove a node from the addnode list.",
                List.of(req("node", STR, "The address of the peer to connect to"),
                        req("command", STR, "'add' to add a node to the list, 'remove' to remove a node from the list, "
                                + "'onetry' to try a connection to the node once")), p -> {
                    n.addnode(p.getString("node"), p.getString("command"));
                    return JSON.nullNode();
                });
        add("getaddednodeinfo", cat, "Returns information about the given added node, or all added nodes.",
                List.of(opt("node", STR, "all nodes", "If provided, return information about this specific node")),
                p -> n.getaddednodeinfo(p.findString("node").orElse(null)));
        add("disconnectnode", cat, "Immediately disconnects from the specified peer node.",
                List.of(opt("address", STR, "fallback to nodeid", "The IP address/port of the node"),
                        opt("nodeid", NUM, "fallback to address", "The node ID")), p -> {
                    n.disconnectnode(p.findString("address").orElse(null), p.findLong("nodeid").orElse(null));
                    return JSON.nullNode();
                });
        add("setban", cat, "Attempts to add or remove an IP/Subnet from the banned list.",
                List.of(req("subnet", STR, "The IP/Subnet (see getpeerinfo for nodes IP) with an optional netmask"),
                        req("command", STR, "'add' to add an IP/Subnet to the list, 'remove' to remove"),
                        opt("bantime", NUM, "0", "time in seconds how long (or until when if [absolute] is set) the IP "
                                + "is banned"),
                        opt("absolute", BOOL, "false", "If set, the bantime must be an absolute timestamp")), p -> {
                    n.setban(p.getString("subnet"), p.getString("command"), p.findLong("bantime").orElse(0L),
                            flag(p, "absolute", false));
                    return JSON.nullNode();
                });
        add("listbanned", cat, "List all manually banned IPs/Subnets.", List.of(), p -> n.listbanned());
        add("clearbanned", cat, "Clear all banned IPs.", List.of(), p -> {
            n.clearbanned();
            return JSON.nullNode();
        });
        add("ping", cat, "Requests that a ping be sent to all other nodes, to measure ping time.", List.of(), p -> {
            n.ping();
            return JSON.nullNode();
        });
        add("setnetworkactive", cat, "Disable/enable all p2p network activity.",
                List.of(req("state", BOOL, "true to enable networking, false to disable")),
                p -> JSON.booleanNode(n.setnetworkactive(p.getBool("state"))));
        add("getnodeaddresses", cat, "Return known addresses, after filtering for quality and recency.",
                List.of(opt("count", NUM, "1", "The maximum number of addresses to return. Specify 0 to return all "
                        + "known addresses."), opt("network", STR, "all networks", "Return only addresses of the "
                        + "specified network.")),
                p -> n.getnodeaddresses(p.findInt("count").orElse(null), p.findString("network").orElse(null)));
    }
}
