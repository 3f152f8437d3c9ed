package org.minicoin.node.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;
import java.util.Optional;

/**
 * Turns command-line arguments into JSON-RPC parameters as bitcoin-cli does (Core's rpc/client.cpp): an argument is
 * parsed as JSON only where {@link #TABLE} says that parameter of that method takes JSON; every other argument is
 * sent as a string. So {@code getblockhash 0} sends the number 0, while {@code getblock <hash>} sends the hash as a
 * string without the user quoting it.
 */
public final class ParamConversion {
    /** How an argument is sent (Core's ParamFormat). */
    public enum Format {
        /** Parsed as JSON; text that is not JSON is an error. */
        JSON,
        /** Sent as a string; listed so that {@code -named} takes {@code a=b} as one positional value, not a name. */
        STRING,
        /** Parsed as JSON if it is JSON, else sent as a string ({@code getblockstats <hash>} or {@code <height>}). */
        JSON_OR_STRING
    }

    /** One row of the table: parameter {@code index} (from 0) of {@code method} is called {@code name}. */
    public record Param(String method, int index, String name, Format format) {
    }

    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

    /**
     * Core's vRPCConvertParams (rpc/client.cpp, master at v31), every row in Core's order, wallet methods included so
     * that a wallet served over the same protocol later needs no change here.
     */
    public static final List<Param> TABLE = List.of(
            json("setmocktime", 0, "timestamp"),
            json("mockscheduler", 0, "delta_time"),
            string("utxoupdatepsbt", 0, "psbt"),
            json("utxoupdatepsbt", 1, "descriptors"),
            json("generatetoaddress", 0, "nblocks"),
            json("generatetoaddress", 2, "maxtries"),
            json("generatetodescriptor", 0, "num_blocks"),
            json("generatetodescriptor", 2, "maxtries"),
            json("generateblock", 1, "transactions"),
            json("generateblock", 2, "submit"),
            json("getnetworkhashps", 0, "nblocks"),
            json("getnetworkhashps", 1, "height"),
            string("sendtoaddress", 0, "address"),
            json("sendtoaddress", 1, "amount"),
            string("sendtoaddress", 2, "comment"),
            string("sendtoaddress", 3, "comment_to"),
            json("sendtoaddress", 4, "subtractfeefromamount"),
            json("sendtoaddress", 5, "replaceable"),
            json("sendtoaddress", 6, "conf_target"),
            string("sendtoaddress", 7, "estimate_mode"),
            json("sendtoaddress", 8, "avoid_reuse"),
            json("sendtoaddress", 9, "fee_rate"),
            json("sendtoaddress", 10, "verbose"),
            json("getreceivedbyaddress", 1, "minconf"),
            json("getreceivedbyaddress", 2, "include_immature_coinbase"),
            string("getreceivedbylabel", 0, "label"),
            json("getreceivedbylabel", 1, "minconf"),
            json("getreceivedbylabel", 2, "include_immature_coinbase"),
            json("listreceivedbyaddress", 0, "minconf"),
            json("listreceivedbyaddress", 1, "include_empty"),
            json("listreceivedbyaddress", 2, "include_watchonly"),
            json("listreceivedbyaddress", 4, "include_immature_coinbase"),
            json("listreceivedbylabel", 0, "minconf"),
            json("listreceivedbylabel", 1, "include_empty"),
            json("listreceivedbylabel", 2, "include_watchonly"),
            json("listreceivedbylabel", 3, "include_immature_coinbase"),
            json("getbalance", 1, "minconf"),
            json("getbalance", 2, "include_watchonly"),
            json("getbalance", 3, "avoid_reuse"),
            json("getblockfrompeer", 1, "peer_id"),
            json("getblockhash", 0, "height"),
            json("waitforblockheight", 0, "height"),
            json("waitforblockheight", 1, "timeout"),
            json("waitforblock", 1, "timeout"),
            json("waitfornewblock", 0, "timeout"),
            string("listtransactions", 0, "label"),
            json("listtransactions", 1, "count"),
            json("listtransactions", 2, "skip"),
            json("listtransactions", 3, "include_watchonly"),
            string("walletpassphrase", 0, "passphrase"),
            json("walletpassphrase", 1, "timeout"),
            json("getblocktemplate", 0, "template_request"),
            string("listsinceblock", 0, "blockhash"),
            json("listsinceblock", 1, "target_confirmations"),
            json("listsinceblock", 2, "include_watchonly"),
            json("listsinceblock", 3, "include_removed"),
            json("listsinceblock", 4, "include_change"),
            string("listsinceblock", 5, "label"),
            string("sendmany", 0, "dummy"),
            json("sendmany", 1, "amounts"),
            json("sendmany", 2, "minconf"),
            string("sendmany", 3, "comment"),
            json("sendmany", 4, "subtractfeefrom"),
            json("sendmany", 5, "replaceable"),
            json("sendmany", 6, "conf_target"),
            string("sendmany", 7, "estimate_mode"),
            json("sendmany", 8, "fee_rate"),
            json("sendmany", 9, "verbose"),
            json("deriveaddresses", 1, "range"),
            json("scanblocks", 1, "scanobjects"),
            json("scanblocks", 2, "start_height"),
            json("scanblocks", 3, "stop_height"),
            json("scanblocks", 5, "options"),
            json("scanblocks", 5, "filter_false_positives"),
            json("getdescriptoractivity", 0, "blockhashes"),
            json("getdescriptoractivity", 1, "scanobjects"),
            json("getdescriptoractivity", 2, "include_mempool"),
            json("scantxoutset", 1, "scanobjects"),
            json("createmultisig", 0, "nrequired"),
            json("createmultisig", 1, "keys"),
            json("listunspent", 0, "minconf"),
            json("listunspent", 1, "maxconf"),
            json("listunspent", 2, "addresses"),
            json("listunspent", 3, "include_unsafe"),
            json("listunspent", 4, "query_options"),
            json("listunspent", 4, "minimumAmount"),
            json("listunspent", 4, "maximumAmount"),
            json("listunspent", 4, "maximumCount"),
            json("listunspent", 4, "minimumSumAmount"),
            json("listunspent", 4, "include_immature_coinbase"),
            json("getblock", 1, "verbosity"),
            json("getblock", 1, "verbose"),
            json("getblockheader", 1, "verbose"),
            json("getchaintxstats", 0, "nblocks"),
            json("gettransaction", 1, "include_watchonly"),
            json("gettransaction", 2, "verbose"),
            json("getrawtransaction", 1, "verbosity"),
            json("getrawtransaction", 1, "verbose"),
            json("createrawtransaction", 0, "inputs"),
            json("createrawtransaction", 1, "outputs"),
            json("createrawtransaction", 2, "locktime"),
            json("createrawtransaction", 3, "replaceable"),
            json("createrawtransaction", 4, "version"),
            json("decoderawtransaction", 1, "iswitness"),
            json("signrawtransactionwithkey", 1, "privkeys"),
            json("signrawtransactionwithkey", 2, "prevtxs"),
            json("signrawtransactionwithwallet", 1, "prevtxs"),
            json("sendrawtransaction", 1, "maxfeerate"),
            json("sendrawtransaction", 2, "maxburnamount"),
            json("testmempoolaccept", 0, "rawtxs"),
            json("testmempoolaccept", 1, "maxfeerate"),
            json("submitpackage", 0, "package"),
            json("submitpackage", 1, "maxfeerate"),
            json("submitpackage", 2, "maxburnamount"),
            json("combinerawtransaction", 0, "txs"),
            json("fundrawtransaction", 1, "options"),
            json("fundrawtransaction", 1, "add_inputs"),
            json("fundrawtransaction", 1, "include_unsafe"),
            json("fundrawtransaction", 1, "minconf"),
            json("fundrawtransaction", 1, "maxconf"),
            json("fundrawtransaction", 1, "changePosition"),
            json("fundrawtransaction", 1, "includeWatching"),
            json("fundrawtransaction", 1, "lockUnspents"),
            json("fundrawtransaction", 1, "fee_rate"),
            json("fundrawtransaction", 1, "feeRate"),
            json("fundrawtransaction", 1, "subtractFeeFromOutputs"),
            json("fundrawtransaction", 1, "input_weights"),
            json("fundrawtransaction", 1, "conf_target"),
            json("fundrawtransaction", 1, "replaceable"),
            json("fundrawtransaction", 1, "solving_data"),
            json("fundrawtransaction", 1, "max_tx_weight"),
            json("fundrawtransaction", 2, "iswitness"),
            json("walletcreatefundedpsbt", 0, "inputs"),
            json("walletcreatefundedpsbt", 1, "outputs"),
            json("walletcreatefundedpsbt", 2, "locktime"),
            json("walletcreatefundedpsbt", 3, "options"),
            json("walletcreatefundedpsbt", 3, "add_inputs"),
            json("walletcreatefundedpsbt", 3, "include_unsafe"),
            json("walletcreatefundedpsbt", 3, "minconf"),
            json("walletcreatefundedpsbt", 3, "maxconf"),
            json("walletcreatefundedpsbt", 3, "changePosition"),
            json("walletcreatefundedpsbt", 3, "includeWatching"),
            json("walletcreatefundedpsbt", 3, "lockUnspents"),
            json("walletcreatefundedpsbt", 3, "fee_rate"),
            json("walletcreatefundedpsbt", 3, "feeRate"),
            json("walletcreatefundedpsbt", 3, "subtractFeeFromOutputs"),
            json("walletcreatefundedpsbt", 3, "conf_target"),
            json("walletcreatefundedpsbt", 3, "replaceable"),
            json("walletcreatefundedpsbt", 3, "solving_data"),
            json("walletcreatefundedpsbt", 3, "max_tx_weight"),
            json("walletcreatefundedpsbt", 4, "bip32derivs"),
            json("walletcreatefundedpsbt", 5, "version"),
            string("walletprocesspsbt", 0, "psbt"),
            json("walletprocesspsbt", 1, "sign"),
            string("walletprocesspsbt", 2, "sighashtype"),
            json("walletprocesspsbt", 3, "bip32derivs"),
            json("walletprocesspsbt", 4, "finalize"),
            string("descriptorprocesspsbt", 0, "psbt"),
            json("descriptorprocesspsbt", 1, "descriptors"),
            string("descriptorprocesspsbt", 2, "sighashtype"),
            json("descriptorprocesspsbt", 3, "bip32derivs"),
            json("descriptorprocesspsbt", 4, "finalize"),
            json("createpsbt", 0, "inputs"),
            json("createpsbt", 1, "outputs"),
            json("createpsbt", 2, "locktime"),
            json("createpsbt", 3, "replaceable"),
            json("createpsbt", 4, "version"),
            json("combinepsbt", 0, "txs"),
            json("joinpsbts", 0, "txs"),
            string("finalizepsbt", 0, "psbt"),
            json("finalizepsbt", 1, "extract"),
            json("converttopsbt", 1, "permitsigdata"),
            json("converttopsbt", 2, "iswitness"),
            json("gettxout", 1, "n"),
            json("gettxout", 2, "include_mempool"),
            json("gettxoutproof", 0, "txids"),
            jsonOrString("gettxoutsetinfo", 1, "hash_or_height"),
            json("gettxoutsetinfo", 2, "use_index"),
            string("dumptxoutset", 0, "path"),
            string("dumptxoutset", 1, "type"),
            json("dumptxoutset", 2, "options"),
            jsonOrString("dumptxoutset", 2, "rollback"),
            json("dumptxoutset", 2, "in_memory"),
            json("lockunspent", 0, "unlock"),
            json("lockunspent", 1, "transactions"),
            json("lockunspent", 2, "persistent"),
            json("send", 0, "outputs"),
            json("send", 1, "conf_target"),
            json("send", 3, "fee_rate"),
            json("send", 4, "options"),
            json("send", 4, "add_inputs"),
            json("send", 4, "include_unsafe"),
            json("send", 4, "minconf"),
            json("send", 4, "maxconf"),
            json("send", 4, "add_to_wallet"),
            json("send", 4, "change_position"),
            json("send", 4, "fee_rate"),
            json("send", 4, "include_watching"),
            json("send", 4, "inputs"),
            json("send", 4, "locktime"),
            json("send", 4, "lock_unspents"),
            json("send", 4, "psbt"),
            json("send", 4, "subtract_fee_from_outputs"),
            json("send", 4, "conf_target"),
            json("send", 4, "replaceable"),
            json("send", 4, "solving_data"),
            json("send", 4, "max_tx_weight"),
            json("send", 5, "version"),
            json("sendall", 0, "recipients"),
            json("sendall", 1, "conf_target"),
            json("sendall", 3, "fee_rate"),
            json("sendall", 4, "options"),
            json("sendall", 4, "add_to_wallet"),
            json("sendall", 4, "fee_rate"),
            json("sendall", 4, "include_watching"),
            json("sendall", 4, "inputs"),
            json("sendall", 4, "locktime"),
            json("sendall", 4, "lock_unspents"),
            json("sendall", 4, "psbt"),
            json("sendall", 4, "send_max"),
            json("sendall", 4, "minconf"),
            json("sendall", 4, "maxconf"),
            json("sendall", 4, "conf_target"),
            json("sendall", 4, "replaceable"),
            json("sendall", 4, "solving_data"),
            json("sendall", 4, "version"),
            json("simulaterawtransaction", 0, "rawtxs"),
            json("simulaterawtransaction", 1, "options"),
            json("simulaterawtransaction", 1, "include_watchonly"),
            string("importmempool", 0, "filepath"),
            json("importmempool", 1, "options"),
            json("importmempool", 1, "apply_fee_delta_priority"),
            json("importmempool", 1, "use_current_time"),
            json("importmempool", 1, "apply_unbroadcast_set"),
            json("importdescriptors", 0, "requests"),
            json("listdescriptors", 0, "private"),
            json("verifychain", 0, "checklevel"),
            json("verifychain", 1, "nblocks"),
            jsonOrString("getblockstats", 0, "hash_or_height"),
            json("getblockstats", 1, "stats"),
            json("pruneblockchain", 0, "height"),
            json("keypoolrefill", 0, "newsize"),
            json("getrawmempool", 0, "verbose"),
            json("getrawmempool", 1, "mempool_sequence"),
            json("getorphantxs", 0, "verbosity"),
            json("estimatesmartfee", 0, "conf_target"),
            json("estimaterawfee", 0, "conf_target"),
            json("estimaterawfee", 1, "threshold"),
            json("prioritisetransaction", 1, "dummy"),
            json("prioritisetransaction", 2, "fee_delta"),
            json("setban", 2, "bantime"),
            json("setban", 3, "absolute"),
            json("setnetworkactive", 0, "state"),
            json("setwalletflag", 1, "value"),
            json("getmempoolancestors", 1, "verbose"),
            json("getmempooldescendants", 1, "verbose"),
            json("gettxspendingprevout", 0, "outputs"),
            json("gettxspendingprevout", 1, "options"),
            json("gettxspendingprevout", 1, "mempool_only"),
            json("gettxspendingprevout", 1, "return_spending_tx"),
            json("bumpfee", 1, "options"),
            json("bumpfee", 1, "conf_target"),
            json("bumpfee", 1, "fee_rate"),
            json("bumpfee", 1, "replaceable"),
            json("bumpfee", 1, "outputs"),
            json("bumpfee", 1, "original_change_index"),
            json("psbtbumpfee", 1, "options"),
            json("psbtbumpfee", 1, "conf_target"),
            json("psbtbumpfee", 1, "fee_rate"),
            json("psbtbumpfee", 1, "replaceable"),
            json("psbtbumpfee", 1, "outputs"),
            json("psbtbumpfee", 1, "original_change_index"),
            json("logging", 0, "include"),
            json("logging", 1, "exclude"),
            json("disconnectnode", 1, "nodeid"),
            json("gethdkeys", 0, "active_only"),
            json("gethdkeys", 0, "options"),
            json("gethdkeys", 0, "private"),
            json("createwalletdescriptor", 1, "options"),
            json("createwalletdescriptor", 1, "internal"),
            // Echo with conversion (For testing only)
            json("echojson", 0, "arg0"),
            json("echojson", 1, "arg1"),
            json("echojson", 2, "arg2"),
            json("echojson", 3, "arg3"),
            json("echojson", 4, "arg4"),
            json("echojson", 5, "arg5"),
            json("echojson", 6, "arg6"),
            json("echojson", 7, "arg7"),
            json("echojson", 8, "arg8"),
            json("echojson", 9, "arg9"),
            json("rescanblockchain", 0, "start_height"),
            json("rescanblockchain", 1, "stop_height"),
            string("createwallet", 0, "wallet_name"),
            json("createwallet", 1, "disable_private_keys"),
            json("createwallet", 2, "blank"),
            string("createwallet", 3, "passphrase"),
            json("createwallet", 4, "avoid_reuse"),
            json("createwallet", 5, "descriptors"),
            json("createwallet", 6, "load_on_startup"),
            json("createwallet", 7, "external_signer"),
            string("restorewallet", 0, "wallet_name"),
            string("restorewallet", 1, "backup_file"),
            json("restorewallet", 2, "load_on_startup"),
            string("loadwallet", 0, "filename"),
            json("loadwallet", 1, "load_on_startup"),
            string("unloadwallet", 0, "wallet_name"),
            json("unloadwallet", 1, "load_on_startup"),
            json("getnodeaddresses", 0, "count"),
            json("addpeeraddress", 1, "port"),
            json("addpeeraddress", 2, "tried"),
            json("sendmsgtopeer", 0, "peer_id"),
            json("stop", 0, "wait"),
            json("addnode", 2, "v2transport"),
            json("addconnection", 2, "v2transport"),
            string("decodepsbt", 0, "psbt"),
            string("analyzepsbt", 0, "psbt"),
            string("verifymessage", 1, "signature"),
            string("verifymessage", 2, "message"),
            string("getnewaddress", 0, "label"),
            string("getnewaddress", 1, "address_type"),
            string("backupwallet", 0, "destination"),
            string("echoipc", 0, "arg"),
            string("encryptwallet", 0, "passphrase"),
            string("getaddressesbylabel", 0, "label"),
            string("loadtxoutset", 0, "path"),
            string("migratewallet", 0, "wallet_name"),
            string("migratewallet", 1, "passphrase"),
            string("setlabel", 1, "label"),
            string("signmessage", 1, "message"),
            string("signmessagewithprivkey", 1, "message"),
            string("walletpassphrasechange", 0, "oldpassphrase"),
            string("walletpassphrasechange", 1, "newpassphrase")    );

    private ParamConversion() {
    }

    /**
     * The params array for {@code method} called with {@code args} by position (Core's RPCConvertValues).
     *
     * @throws CliException {@code Error parsing JSON: <arg>} when a JSON parameter is not valid JSON
     */
    public static ArrayNode positional(String method, List<String> args) {
        ArrayNode params = NODES.arrayNode();
        for (String arg : args) {
            params.add(convert(byPosition(method, params.size()), arg));
        }
        return params;
    }

    /**
     * The params object for {@code method} called with {@code -named} (Core's RPCConvertNamedValues): {@code name=value}
     * arguments become members, a later one replacing an earlier one of the same name in place; arguments without
     * {@code =} are positional and go, in order, into a trailing {@code args} member. An argument with {@code =} whose
     * name is not a known parameter of the method is still positional when the next positional parameter is JSON and
     * the whole argument parses as JSON ({@code ["key=value"]}), or when it is a string ({@code createwallet my=wallet}).
     *
     * @throws CliException for a JSON parameter that is not valid JSON, and with the server's message when an explicit
     *                      {@code args=} meets positional arguments (Core would send {@code args} twice, which its
     *                      server refuses with that message)
     */
    public static ObjectNode named(String method, List<String> args) {
        ObjectNode params = NODES.objectNode();
        ArrayNode positionalArgs = NODES.arrayNode();
        for (String arg : args) {
            int eq = arg.indexOf('=');
            if (eq < 0) {
                positionalArgs.add(convert(byPosition(method, positionalArgs.size()), arg));
                continue;
            }
            String name = arg.substring(0, eq);
            Optional<Param> namedParam = byName(method, name);
            if (namedParam.isEmpty()) {
                Optional<Param> next = byPosition(method, positionalArgs.size());
                Format nextFormat = next.map(Param::format).orElse(null);
                if (nextFormat == Format.JSON && Json.isValid(arg)) {
                    positionalArgs.add(Json.parse(arg));
                    continue;
                }
                if (nextFormat == Format.STRING) {
                    positionalArgs.add(arg);
                    continue;
                }
            }
            params.set(name, convert(namedParam, arg.substring(eq + 1)));
        }
        if (!positionalArgs.isEmpty()) {
            if (params.has("args")) {
                throw new CliException("Parameter args specified multiple times");
            }
            params.set("args", positionalArgs);
        }
        return params;
    }

    /** The table's row for parameter {@code index} of {@code method}, if any (Core's FromPosition: the first). */
    public static Optional<Param> byPosition(String method, int index) {
        return TABLE.stream().filter(p -> p.method().equals(method) && p.index() == index).findFirst();
    }

    /** The table's row for parameter {@code name} of {@code method}, if any (Core's FromName: the first). */
    public static Optional<Param> byName(String method, String name) {
        return TABLE.stream().filter(p -> p.method().equals(method) && p.name().equals(name)).findFirst();
    }

    /** Core's ParseParam: JSON for JSON and JSON_OR_STRING rows (the latter falling back to text), else text. */
    private static JsonNode convert(Optional<Param> param, String raw) {
        Format format = param.map(Param::format).orElse(Format.STRING);
        if (format == Format.STRING) {
            return NODES.textNode(raw);
        }
        try {
            return Json.parse(raw);
        } catch (IllegalArgumentException e) {
            if (format == Format.JSON_OR_STRING) {
                return NODES.textNode(raw);
            }
            throw new CliException("Error parsing JSON: " + raw, e);
        }
    }

    private static Param json(String method, int index, String name) {
        return new Param(method, index, name, Format.JSON);
    }

    private static Param string(String method, int index, String name) {
        return new Param(method, index, name, Format.STRING);
    }

    private static Param jsonOrString(String method, int index, String name) {
        return new Param(method, index, name, Format.JSON_OR_STRING);
    }
}
