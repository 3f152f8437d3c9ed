package org.minicoin.node.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * {@code -getinfo}: Core's GetinfoRequestHandler and ParseGetInfoResult (bitcoin-cli.cpp) without the wallet parts,
 * since a minicoin node has no wallet. One batch asks {@code getnetworkinfo} and {@code getblockchaininfo}; their
 * fields are gathered into one object and printed as Core's human-readable summary (without colours).
 */
public final class GetInfo {
    private static final int ID_NETWORKINFO = 0;
    private static final int ID_BLOCKCHAININFO = 1;
    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

    private GetInfo() {
    }

    /** The batch request: {@code getnetworkinfo} with id 0, {@code getblockchaininfo} with id 1, params null. */
    public static ArrayNode request() {
        ArrayNode batch = NODES.arrayNode();
        batch.add(MinicoinCli.request("getnetworkinfo", NODES.nullNode(), ID_NETWORKINFO));
        batch.add(MinicoinCli.request("getblockchaininfo", NODES.nullNode(), ID_BLOCKCHAININFO));
        return batch;
    }

    /**
     * A reply object for the batch's answer: the first failing member's reply as it is, else {@code result} holding
     * Core's -getinfo fields (version, blocks, headers, verificationprogress, timeoffset, connections, networks,
     * difficulty, chain, relayfee, warnings).
     *
     * @throws CliException with Core's JSONRPCProcessBatchReply messages when the answer is not a proper batch
     */
    public static JsonNode reply(JsonNode batchReply) {
        JsonNode[] byId = new JsonNode[2];
        if (!batchReply.isArray()) {
            throw new CliException("Batch must be an array");
        }
        for (JsonNode member : batchReply) {
            if (!member.isObject()) {
                throw new CliException("Batch member must be an object");
            }
            JsonNode id = member.path("id");
            if (!id.isNumber() || id.asLong() < 0 || id.asLong() >= byId.length) {
                throw new CliException("Batch member id is larger than batch size");
            }
            byId[id.asInt()] = member;
        }
        for (JsonNode member : byId) {
            if (member == null) {
                throw new CliException("expected reply to have result, error and id properties");
            }
            if (!member.path("error").isNull() && !member.path("error").isMissingNode()) {
                return member;
            }
        }
        JsonNode network = byId[ID_NETWORKINFO].path("result");
        JsonNode chain = byId[ID_BLOCKCHAININFO].path("result");
        ObjectNode result = NODES.objectNode();
        result.set("version", field(network, "version"));
        result.set("blocks", field(chain, "blocks"));
        result.set("headers", field(chain, "headers"));
        result.set("verificationprogress", field(chain, "verificationprogress"));
        result.set("timeoffset", field(network, "timeoffset"));
        ObjectNode connections = result.putObject("connections");
        connections.set("in", field(network, "connections_in"));
        connections.set("out", field(network, "connections_out"));
        connections.set("total", field(network, "connections"));
        result.set("networks", field(network, "networks"));
        result.set("difficulty", field(chain, "difficulty"));
        result.set("chain", field(chain, "chain"));
        result.set("relayfee", field(network, "relayfee"));
        result.set("warnings", field(network, "warnings"));
        ObjectNode reply = NODES.objectNode();
        reply.set("result", result);
        reply.putNull("error");
        return reply;
    }

    /**
     * The summary as Core prints it. Values are shown as UniValue's getValStr shows them, so a {@code warnings} array
     * (Core's getnetworkinfo since v28) prints as {@code (none)}, exactly as bitcoin-cli prints it.
     */
    public static String format(JsonNode result) {
        StringBuilder s = new StringBuilder();
        s.append("Chain: ").append(Json.valueString(result.path("chain"))).append('\n');
        s.append("Blocks: ").append(Json.valueString(result.path("blocks"))).append('\n');
        s.append("Headers: ").append(Json.valueString(result.path("headers"))).append('\n');
        double progress = result.path("verificationprogress").asDouble();
        String bar = progress < 0.99 ? progressBar(progress) + " " : "";
        s.append("Verification progress: ").append(bar)
                .append(String.format(Locale.ROOT, "%.4f%%", progress * 100)).append('\n');
        s.append("Difficulty: ").append(Json.valueString(result.path("difficulty"))).append("\n\n");
        JsonNode connections = result.path("connections");
        s.append("Network: in ").append(Json.valueString(connections.path("in")))
                .append(", out ").append(Json.valueString(connections.path("out")))
                .append(", total ").append(Json.valueString(connections.path("total"))).append('\n');
        s.append("Version: ").append(Json.valueString(result.path("version"))).append('\n');
        s.append("Time offset (s): ").append(Json.valueString(result.path("timeoffset"))).append('\n');
        s.append("Proxies: ").append(proxies(result.path("networks"))).append('\n');
        s.append("Min tx relay fee rate (coins/kvB): ").append(Json.valueString(result.path("relayfee")))
                .append("\n\n");
        String warnings = Json.valueString(result.path("warnings"));
        s.append("Warnings: ").append(warnings.isEmpty() ? "(none)" : warnings);
        return s.toString();
    }

    /** A member as UniValue's operator[] gives it: null when absent. */
    private static JsonNode field(JsonNode object, String name) {
        JsonNode value = object.get(name);
        return value == null ? NODES.nullNode() : value;
    }

    /** Core's GetProgressBar: one block per 5%, filled then empty; nothing outside [0, 1]. */
    static String progressBar(double progress) {
        if (progress < 0 || progress > 1) {
            return "";
        }
        final double increment = 0.05;
        StringBuilder bar = new StringBuilder();
        for (int i = 0; i < progress / increment; i++) {
            bar.append('\u2592');
        }
        for (int i = 0; i < (1 - progress) / increment; i++) {
            bar.append('\u2591');
        }
        return bar.toString();
    }

    /** Each proxy once, in order of first use, with the networks using it: {@code 127.0.0.1:9050 (ipv4, onion)}. */
    private static String proxies(JsonNode networks) {
        Map<String, List<String>> byProxy = new LinkedHashMap<>();
        for (JsonNode network : networks) {
            String proxy = Json.valueString(field(network, "proxy"));
            if (!proxy.isEmpty()) {
                byProxy.computeIfAbsent(proxy, p -> new ArrayList<>()).add(Json.valueString(field(network, "name")));
            }
        }
        if (byProxy.isEmpty()) {
            return "n/a";
        }
        List<String> formatted = new ArrayList<>();
        byProxy.forEach((proxy, names) -> formatted.add(proxy + " (" + String.join(", ", names) + ")"));
        return String.join(", ", formatted);
    }
}
