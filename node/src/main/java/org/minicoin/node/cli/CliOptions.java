package org.minicoin.node.cli;

import static org.minicoin.node.config.OptionSpec.Flag.DISALLOW_ELISION;
import static org.minicoin.node.config.OptionSpec.Flag.DISALLOW_NEGATION;
import static org.minicoin.node.config.OptionSpec.Flag.NETWORK_ONLY;

import java.io.IOException;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.minicoin.genesis.spec.ChainSpec;
import org.minicoin.genesis.spec.ChainSpecs;
import org.minicoin.node.config.ConfigException;
import org.minicoin.node.config.OptionCategory;
import org.minicoin.node.config.OptionSpec;
import org.minicoin.node.config.OptionSpec.Flag;
import org.minicoin.node.config.OptionTable;
import org.minicoin.node.config.OptionType;
import org.minicoin.node.config.Options;

/**
 * bitcoin-cli's options (SetupCliArgs in bitcoin-cli.cpp) read as Core's ArgsManager reads them: the command line
 * ({@code -name=value}, {@code -name}, {@code -noname}) up to the first argument that is not an option, which starts
 * the method and its parameters; then {@code minicoin.conf}, the daemon's file, where keys the CLI does not know
 * ({@code dbcache}, {@code txindex}, ...) are ignored as bitcoin-cli ignores them. The command line beats the file, the
 * network's section beats the top of the file, and {@code rpcport} in the top part applies to main only. Values are
 * checked with the daemon's {@link OptionSpec} rules, so both programs refuse a bad value with the same message.
 * Instances are immutable.
 */
public final class CliOptions {
    /** Core's DEFAULT_RPCCONNECT. */
    public static final String DEFAULT_RPCCONNECT = "127.0.0.1";
    private static final String MAIN = "main";
    private static final Pattern INTEGER = Pattern.compile("[+-]?[0-9]+");
    private static final Pattern PORT = Pattern.compile("[0-9]+");
    private static final BigInteger MAX_PORT = BigInteger.valueOf(65535);

    private static final Map<String, OptionSpec> OPTIONS = table().stream()
            .collect(Collectors.toUnmodifiableMap(OptionSpec::name, Function.identity()));

    /** One value as given: its text, or null for a negation ({@code -noname}). */
    private record Value(String text) {
        static final Value NEGATED = new Value(null);

        boolean negated() {
            return text == null;
        }
    }

    private final Map<String, List<Value>> commandLine;
    /** Section ({@code ""} for the top of the file) to option name to values in file order. */
    private final Map<String, Map<String, List<Value>>> config;
    private final List<String> command;
    /** The network whose section applies; null until the config file is read. */
    private final ChainSpec network;

    private CliOptions(Map<String, List<Value>> commandLine, Map<String, Map<String, List<Value>>> config,
                       List<String> command, ChainSpec network) {
        this.commandLine = commandLine;
        this.config = config;
        this.command = List.copyOf(command);
        this.network = network;
    }

    /**
     * The command line, as Core's ParseParameters: options until the first argument not starting with {@code -}
     * (or a lone {@code -}); that argument and all after it are the command ({@link #command()}), even ones that
     * look like options, so {@code getblockhash -1} passes {@code -1} on.
     *
     * @throws CliException {@code Error parsing command line arguments: Invalid parameter -foo} for an unknown option,
     *                      an option with a section ({@code -regtest.rpcport}), or a bad value
     */
    public static CliOptions parse(List<String> args) {
        Map<String, List<Value>> commandLine = new HashMap<>();
        int i = 0;
        for (; i < args.size(); i++) {
            String arg = args.get(i);
            if (!arg.startsWith("-") || arg.equals("-")) {
                break;
            }
            int eq = arg.indexOf('=');
            String key = (eq >= 0 ? arg.substring(0, eq) : arg).substring(1);
            String text = eq >= 0 ? arg.substring(eq + 1) : null;
            if (key.startsWith("-")) {
                key = key.substring(1); // --name as -name
            }
            boolean negated = key.startsWith("no");
            String name = negated ? key.substring(2) : key;
            OptionSpec spec = OPTIONS.get(name);
            if (spec == null || name.contains(".")) {
                throw new CliException("Error parsing command line arguments: Invalid parameter " + arg);
            }
            try {
                commandLine.computeIfAbsent(name, n -> new ArrayList<>()).add(interpret(spec, negated, text));
            } catch (ConfigException e) {
                throw new CliException("Error parsing command line arguments: " + e.getMessage(), e);
            }
        }
        return new CliOptions(commandLine, Map.of(), args.subList(i, args.size()), null);
    }

    /**
     * These options with the config file read and the network selected (Core's ReadConfigFiles, then
     * SelectBaseParams): {@code -conf}, relative to the data directory, else {@code minicoin.conf} there;
     * {@code -noconf} reads none, a missing default file is fine.
     *
     * @throws CliException worded as bitcoin-cli words it: {@code Error: Specified data directory ... does not exist.},
     *                      {@code Error reading configuration file: ...} or {@code Error: <chain problem>}
     */
    public CliOptions withConfigFile() {
        checkDataDir();
        Map<String, Map<String, List<Value>>> file = new HashMap<>();
        Optional<Path> path = configFile();
        if (path.isPresent() && (Files.isReadable(path.get()) || isSet("conf"))) {
            try {
                readConfig(Files.readString(path.get(), StandardCharsets.UTF_8), file);
            } catch (IOException e) {
                throw new CliException("Error reading configuration file: specified config file \""
                        + path.get() + "\" could not be opened.", e);
            } catch (ConfigException e) {
                throw new CliException("Error reading configuration file: " + e.getMessage(), e);
            }
        }
        CliOptions unselected = new CliOptions(commandLine, file, command, null);
        unselected.checkDataDir(); // the file may name a data directory too
        ChainSpec spec;
        try {
            // The daemon's chain resolution, so a spec file is checked as minicoind checks it.
            spec = Options.parse("-chain=" + unselected.chain()).chainSpec();
        } catch (ConfigException e) {
            throw new CliException("Error: " + e.getMessage(), e);
        }
        return new CliOptions(commandLine, file, command, spec);
    }

    /** The method and its arguments, as given after the options (empty for {@code -getinfo} and for none). */
    public List<String> command() {
        return command;
    }

    /** Whether {@code -help}, {@code -h} or {@code -?} was given. */
    public boolean helpRequested() {
        return getBool("help") || getBool("h") || getBool("?");
    }

    /** A boolean option: its value, else its default. */
    public boolean getBool(String name) {
        Value value = value(spec(name, OptionType.BOOL));
        if (value == null) {
            return spec(name, OptionType.BOOL).defaultValue().equals("1");
        }
        return !value.negated() && interpretBool(value.text());
    }

    /** An integer option: its value, else its default. */
    public long getLong(String name) {
        OptionSpec spec = spec(name, OptionType.INT);
        Value value = value(spec);
        return Long.parseLong(value == null ? spec.defaultValue() : value.text());
    }

    /** A text option: its value, else its default; empty when negated or unset without a default. */
    public Optional<String> getString(String name) {
        OptionSpec spec = spec(name, OptionType.STRING);
        Value value = value(spec);
        if (value == null) {
            return Optional.ofNullable(spec.defaultValue());
        }
        return value.negated() ? Optional.empty() : Optional.of(value.text());
    }

    /** Whether the option was given, negated or not, where it applies. */
    public boolean isSet(String name) {
        return value(OPTIONS.get(name)) != null;
    }

    /**
     * The chain asked for: {@code -chain}, else {@code regtest} for {@code -regtest}, else {@code main}; read from the
     * command line and the top of the file, as Core's GetChainTypeString.
     *
     * @throws CliException when {@code -regtest} and a different {@code -chain} are both given
     */
    public String chain() {
        Value regtestValue = get("", "regtest", false, true);
        boolean regtest = regtestValue != null && !regtestValue.negated() && interpretBool(regtestValue.text());
        Value chain = get("", "chain", false, false);
        if (chain != null && regtest && !chain.text().equals("regtest")) {
            throw new CliException("Error: Invalid combination of -regtest and -chain. Can use at most one.");
        }
        if (chain != null) {
            return chain.text();
        }
        return regtest ? "regtest" : MAIN;
    }

    /** The selected network's spec; only after {@link #withConfigFile()}. */
    public ChainSpec chainSpec() {
        if (network == null) {
            throw new IllegalStateException("the network is selected when the config file is read");
        }
        return network;
    }

    /** The data directory root: {@code -datadir} (which the config file may also set), else {@code ~/.minicoin}. */
    public Path dataDir() {
        Optional<String> dir = getString("datadir").filter(d -> !d.isEmpty());
        return dir.map(Path::of).orElseGet(() -> Path.of(System.getProperty("user.home"), ".minicoin"))
                .toAbsolutePath().normalize();
    }

    /** {@code <datadir>/<network>/}, where the daemon writes its cookie. */
    public Path networkDir() {
        return dataDir().resolve(chainSpec().name());
    }

    /**
     * The config file's path ({@code -conf} against the data directory, else {@code minicoin.conf} there), which
     * Core also names in its authorization error; empty for {@code -noconf}.
     */
    public Optional<Path> configFile() {
        // Both from the command line only: the file cannot move itself.
        CliOptions commandLineOnly = new CliOptions(commandLine, Map.of(), command, null);
        return commandLineOnly.getString("conf")
                .map(name -> commandLineOnly.dataDir().resolve(name.isEmpty() ? OptionTable.CONF_FILENAME : name));
    }

    /**
     * The cookie file: {@code -rpccookiefile} against the network directory, default {@code .cookie}; empty for
     * {@code -norpccookiefile} (Core's GetAuthCookieFile).
     */
    public Optional<Path> cookieFile() {
        return getString("rpccookiefile").map(p -> networkDir().resolve(p));
    }

    /**
     * Where to send requests (Core's CallRPC): the host of {@code -rpcconnect} (default 127.0.0.1, IPv6 in brackets);
     * the port of {@code -rpcport}, else the one in {@code -rpcconnect}, else the network's RPC port.
     *
     * @throws CliException {@code Invalid port provided in -rpcconnect: <value>} or {@code ... in -rpcport: <value>}
     */
    public Endpoint endpoint() {
        String rpcconnect = getString("rpcconnect").orElse(DEFAULT_RPCCONNECT);
        Endpoint connect = splitHostPort(rpcconnect);
        if (connect == null) {
            throw new CliException("Invalid port provided in -rpcconnect: " + rpcconnect);
        }
        Optional<String> rpcport = getString("rpcport");
        if (rpcport.isEmpty()) {
            return new Endpoint(connect.host(), connect.port() != 0 ? connect.port() : chainSpec().rpcPort(), false);
        }
        int port = parsePort(rpcport.get());
        if (port == 0) {
            throw new CliException("Invalid port provided in -rpcport: " + rpcport.get());
        }
        return new Endpoint(connect.host(), port, connect.port() != 0);
    }

    /**
     * A server address.
     *
     * @param host           a name or an IP address, IPv6 without brackets
     * @param port           the TCP port, 0 when {@code -rpcconnect} named none
     * @param portGivenTwice both {@code -rpcconnect} and {@code -rpcport} named a port, which Core warns about
     */
    public record Endpoint(String host, int port, boolean portGivenTwice) {
    }

    /** The {@code -help} text: usage, then the options sorted by name, wrapped as minicoind's help is. */
    public static String helpText() {
        StringBuilder sb = new StringBuilder("""
                Usage: minicoin-cli [options] <command> [params]
                or:    minicoin-cli [options] -named <command> [name=value]...
                or:    minicoin-cli [options] help
                or:    minicoin-cli [options] help <command>

                Options:

                """);
        OPTIONS.values().stream().filter(s -> s.category() != OptionCategory.HIDDEN)
                .sorted(Comparator.comparing(OptionSpec::name))
                .forEach(s -> sb.append("  -").append(s.name()).append(s.param()).append('\n')
                        .append(OptionTable.helpParagraph(s.help())).append("\n\n"));
        return sb.toString();
    }

    /** Core's SplitHostPort: {@code host}, {@code host:port}, {@code [v6]:port} or bare IPv6; null if bad. */
    static Endpoint splitHostPort(String in) {
        int colon = in.lastIndexOf(':');
        boolean haveColon = colon >= 0;
        boolean bracketed = haveColon && in.startsWith("[") && colon > 0 && in.charAt(colon - 1) == ']';
        boolean multiColon = haveColon && colon != 0 && in.lastIndexOf(':', colon - 1) >= 0;
        int port = 0;
        boolean valid = true;
        String host = in;
        if (haveColon && (colon == 0 || bracketed || !multiColon)) {
            valid = false;
            String digits = in.substring(colon + 1);
            if (PORT.matcher(digits).matches() && new BigInteger(digits).compareTo(MAX_PORT) <= 0) {
                host = in.substring(0, colon);
                port = Integer.parseInt(digits);
                valid = port != 0;
            }
        }
        if (host.length() >= 2 && host.startsWith("[") && host.endsWith("]")) {
            host = host.substring(1, host.length() - 1);
        }
        return valid ? new Endpoint(host, port, false) : null;
    }

    /** Core's ToIntegral&lt;uint16_t&gt;: decimal digits only, at most 65535; 0 for anything else. */
    private static int parsePort(String text) {
        return PORT.matcher(text).matches() && new BigInteger(text).compareTo(MAX_PORT) <= 0
                ? Integer.parseInt(text) : 0;
    }

    private static Value interpret(OptionSpec spec, boolean negated, String text) {
        if (negated) {
            if (spec.has(DISALLOW_NEGATION)) {
                throw new ConfigException("Negating of -" + spec.name() + " is meaningless and therefore forbidden");
            }
            if (text != null && !text.isEmpty() && !INTEGER.matcher(text).matches()) {
                throw new ConfigException("Invalid value for -no" + spec.name() + ": '" + text + "' (expected 0 or 1)");
            }
            // -noname=0 is a double negative, true, as Core.
            return text != null && !text.isEmpty() && !interpretBool(text) ? new Value("1") : Value.NEGATED;
        }
        if (text == null) {
            if (spec.has(DISALLOW_ELISION)) {
                throw new ConfigException("Can not set -" + spec.name() + " with no value. Please specify value with -"
                        + spec.name() + "=value.");
            }
            text = "";
        }
        spec.check(text);
        return new Value(text);
    }

    /** Core's InterpretBool for an empty or integer text: empty or non-zero is true. */
    private static boolean interpretBool(String text) {
        return text.isEmpty() || text.chars().anyMatch(c -> c >= '1' && c <= '9');
    }

    /**
     * Core's GetConfigOptions and ReadConfigStream: {@code name=value} lines, {@code #} comments, {@code [section]}
     * headers prefixing the names below them; unknown names are skipped.
     */
    private static void readConfig(String text, Map<String, Map<String, List<Value>>> into) {
        String prefix = "";
        int lineNumber = 0;
        for (String raw : text.split("\n", -1)) {
            lineNumber++;
            int hash = raw.indexOf('#');
            String line = (hash >= 0 ? raw.substring(0, hash) : raw).strip();
            if (line.isEmpty()) {
                continue;
            }
            int eq = line.indexOf('=');
            if (line.startsWith("[") && line.endsWith("]")) {
                prefix = line.substring(1, line.length() - 1) + ".";
            } else if (line.startsWith("-")) {
                throw new ConfigException("parse error on line " + lineNumber + ": " + line
                        + ", options in configuration file must be specified without leading -");
            } else if (eq >= 0) {
                String key = prefix + line.substring(0, eq).strip();
                if (hash >= 0 && key.contains("rpcpassword")) {
                    throw new ConfigException("parse error on line " + lineNumber
                            + ", using # in rpcpassword can be ambiguous and should be avoided");
                }
                addConfig(key, line.substring(eq + 1).strip(), into);
            } else {
                String error = "parse error on line " + lineNumber + ": " + line;
                if (line.startsWith("no")) {
                    error += ", if you intended to specify a negated option, use " + line + "=1 instead";
                }
                throw new ConfigException(error);
            }
        }
    }

    private static void addConfig(String key, String text, Map<String, Map<String, List<Value>>> into) {
        int dot = key.indexOf('.');
        String section = dot >= 0 ? key.substring(0, dot) : "";
        String name = dot >= 0 ? key.substring(dot + 1) : key;
        boolean negated = name.startsWith("no");
        if (negated) {
            name = name.substring(2);
        }
        if (name.equals("conf")) {
            throw new ConfigException("conf cannot be set in the configuration file");
        }
        OptionSpec spec = OPTIONS.get(name);
        if (spec != null) {
            into.computeIfAbsent(section, s -> new HashMap<>()).computeIfAbsent(name, n -> new ArrayList<>())
                    .add(interpret(spec, negated, text));
        }
    }

    /** Core's CheckDataDirOption: a given data directory must exist; the CLI never creates one. */
    private void checkDataDir() {
        Optional<String> dir = getString("datadir").filter(d -> !d.isEmpty());
        if (dir.isPresent() && !Files.isDirectory(Path.of(dir.get()))) {
            throw new CliException("Error: Specified data directory \"" + dir.get() + "\" does not exist.");
        }
    }

    private Value value(OptionSpec spec) {
        String section = network == null ? "" : network.name();
        boolean ignoreDefaultSection = network != null && !network.name().equals(MAIN) && spec.has(NETWORK_ONLY);
        return get(section, spec.name(), ignoreDefaultSection, false);
    }

    /**
     * The value that counts, or null (Core's GetSetting in common/settings.cpp): the command line (last value), then
     * the network's section, then the top of the file (first value each, except for chain-type options). A negation
     * as the last value of a layer wins there; in the top part it applies even where values would be ignored.
     */
    private Value get(String section, String name, boolean ignoreDefaultSection, boolean chainType) {
        List<List<Value>> layers = List.of(
                commandLine.getOrDefault(name, List.of()),
                section.isEmpty() ? List.of() : config.getOrDefault(section, Map.of()).getOrDefault(name, List.of()),
                config.getOrDefault("", Map.of()).getOrDefault(name, List.of()));
        for (int layer = 0; layer < layers.size(); layer++) {
            List<Value> span = layers.get(layer);
            if (span.isEmpty()) {
                continue;
            }
            boolean lastNegated = span.get(span.size() - 1).negated();
            if ((ignoreDefaultSection && layer == 2 && !lastNegated) || (chainType && layer == 0 && lastNegated)) {
                continue;
            }
            if (lastNegated) {
                return Value.NEGATED;
            }
            int start = 0;
            for (int i = 0; i < span.size(); i++) {
                if (span.get(i).negated()) {
                    start = i + 1;
                }
            }
            boolean firstWins = layer > 0 && !chainType;
            return firstWins ? span.get(start) : span.get(span.size() - 1);
        }
        return null;
    }

    private static OptionSpec spec(String name, OptionType type) {
        OptionSpec spec = OPTIONS.get(name);
        if (spec == null || spec.type() != type) {
            throw new IllegalArgumentException("no " + type + " option -" + name);
        }
        return spec;
    }

    /** bitcoin-cli's options with Core's help texts (SetupCliArgs), minus wallet, IPC, -netinfo and -generate. */
    private static List<OptionSpec> table() {
        ChainSpec main = ChainSpecs.builtIn("main");
        ChainSpec regtest = ChainSpecs.builtIn("regtest");
        ChainSpec devnet = ChainSpecs.builtIn("devnet");
        return List.of(
                bool("help", "Print this help message and exit (also -h or -?)"),
                bool("version", "Print version and exit"),
                string("conf", "=<file>", "Specify configuration file. Relative paths will be prefixed by datadir "
                        + "location. (default: " + OptionTable.CONF_FILENAME + ")", OptionTable.CONF_FILENAME),
                string("datadir", "=<dir>", "Specify data directory", null, DISALLOW_NEGATION),
                bool("getinfo", "Get general information from the remote server. Note that unlike server-side RPC "
                        + "calls, the output of -getinfo is the result of multiple non-atomic requests. Some entries "
                        + "in the output may represent results from different states"),
                string("chain", "=<chain>", "Use the chain <chain> (default: main). Allowed values: "
                        + String.join(", ", ChainSpecs.BUILT_IN) + ", or the path of a chain spec file", null,
                        DISALLOW_NEGATION, DISALLOW_ELISION),
                bool("regtest", "Enter regression test mode, which uses a special chain in which blocks can be "
                        + "solved instantly. This is intended for regression testing tools and app development. "
                        + "Equivalent to -chain=regtest."),
                bool("named", "Pass named instead of positional arguments (default: 0)"),
                integer("rpcclienttimeout", "=<n>", "Timeout in seconds during HTTP requests, or 0 for no timeout. "
                        + "(default: 900)", 900),
                string("rpcconnect", "=<ip>", "Send commands to node running on <ip> (default: " + DEFAULT_RPCCONNECT
                        + ")", null),
                string("rpccookiefile", "=<loc>", "Location of the auth cookie. Relative paths will be prefixed by a "
                        + "net-specific datadir location. (default: data dir)", ".cookie"),
                string("rpcpassword", "=<pw>", "Password for JSON-RPC connections", null),
                // Text, not an integer: Core checks it when connecting, with its own message.
                string("rpcport", "=<port>", "Connect to JSON-RPC on <port> (default: " + main.rpcPort()
                        + ", regtest: " + regtest.rpcPort() + ", devnet: " + devnet.rpcPort() + ")", null, NETWORK_ONLY),
                string("rpcuser", "=<user>", "Username for JSON-RPC connections", null),
                bool("rpcwait", "Wait for RPC server to start"),
                integer("rpcwaittimeout", "=<n>", "Timeout in seconds to wait for the RPC server to start, or 0 for "
                        + "no timeout. (default: 0)", 0),
                bool("stdin", "Read extra arguments from standard input, one per line until EOF/Ctrl-D (recommended "
                        + "for sensitive information such as passphrases)."),
                bool("h", ""),
                bool("?", ""));
    }

    private static OptionSpec bool(String name, String help) {
        OptionCategory category = help.isEmpty() ? OptionCategory.HIDDEN : OptionCategory.OPTIONS;
        return new OptionSpec(name, "", help, category, OptionType.BOOL, "0", 0, 0, null, Set.of());
    }

    private static OptionSpec string(String name, String param, String help, String defaultValue, Flag... flags) {
        return new OptionSpec(name, param, help, OptionCategory.OPTIONS, OptionType.STRING, defaultValue, 0, 0, null,
                Set.of(flags));
    }

    private static OptionSpec integer(String name, String param, String help, long defaultValue) {
        return new OptionSpec(name, param, help, OptionCategory.OPTIONS, OptionType.INT, Long.toString(defaultValue),
                0, Integer.MAX_VALUE, null, EnumSet.of(DISALLOW_NEGATION, DISALLOW_ELISION));
    }
}
