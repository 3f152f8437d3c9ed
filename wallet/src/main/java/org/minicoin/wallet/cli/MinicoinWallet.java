package org.minicoin.wallet.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.PrintWriter;
import java.math.BigDecimal;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.Callable;
import org.minicoin.consensus.address.AddressException;
import org.minicoin.consensus.encoding.Hex;
import org.minicoin.consensus.keys.ExtendedKeyException;
import org.minicoin.consensus.params.ChainParams;
import org.minicoin.node.cli.CliException;
import org.minicoin.node.cli.CliOptions;
import org.minicoin.wallet.core.Wallet;
import org.minicoin.wallet.core.WalletException;
import org.minicoin.wallet.file.ScryptParams;
import org.minicoin.wallet.file.SentTransaction;
import org.minicoin.wallet.file.WrongPassphraseException;
import org.minicoin.wallet.keys.Mnemonic;
import org.minicoin.wallet.keys.MnemonicException;
import org.minicoin.wallet.keys.Purpose;
import org.minicoin.wallet.rpc.NodeClient;
import org.minicoin.wallet.spend.Amounts;
import org.minicoin.wallet.spend.Coin;
import org.minicoin.wallet.spend.SpendException;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ScopeType;

/**
 * {@code minicoin-wallet}: a BIP-0039/0084 wallet that keeps its keys in an encrypted file and talks to a node only
 * over JSON-RPC (minicoin-cli's connection options; the node's cookie by default). Exit codes: 0 on success, 1 when
 * the request cannot be carried out (with a one-line reason), 2 for a malformed command line.
 */
@Command(name = "minicoin-wallet", mixinStandardHelpOptions = true, versionProvider = MinicoinWallet.Version.class,
        description = "A wallet for minicoin (and Bitcoin Core on regtest): keys from a BIP-0039 mnemonic, "
                + "coins found through the node's scantxoutset, spends signed here and sent with "
                + "sendrawtransaction.",
        subcommands = {MinicoinWallet.Create.class, MinicoinWallet.Restore.class, MinicoinWallet.ShowMnemonic.class,
            MinicoinWallet.Receive.class, MinicoinWallet.Balance.class, MinicoinWallet.Utxos.class,
            MinicoinWallet.Send.class, MinicoinWallet.History.class, MinicoinWallet.ExportXpub.class,
            MinicoinWallet.ImportXpub.class, MinicoinWallet.Info.class})
public final class MinicoinWallet implements Runnable {
    static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    @Mixin
    Common common;

    @Override
    public void run() {
        throw new CommandLine.ParameterException(new CommandLine(this), "missing command (see --help)");
    }

    public static void main(String[] args) {
        System.exit(run(args, new PrintWriter(System.out, true), new PrintWriter(System.err, true)));
    }

    /** Runs the command with {@code args}, printing to {@code out} and {@code err}; returns the exit code. */
    public static int run(String[] args, PrintWriter out, PrintWriter err) {
        CommandLine cl = new CommandLine(new MinicoinWallet());
        cl.setOut(out);
        cl.setErr(err);
        cl.setExecutionExceptionHandler((e, line, parsed) -> {
            line.getErr().println("error: " + message(e));
            if (!(e instanceof WalletCliException || e instanceof WalletException || e instanceof IOException
                    || e instanceof CliException || e instanceof NodeClient.NodeException
                    || e instanceof WrongPassphraseException || e instanceof MnemonicException
                    || e instanceof SpendException || e instanceof AddressException
                    || e instanceof ExtendedKeyException || e instanceof IllegalArgumentException)) {
                e.printStackTrace(line.getErr()); // a bug, not a user mistake
            }
            line.getErr().flush();
            return 1;
        });
        return cl.execute(args);
    }

    private static String message(Exception e) {
        if (e instanceof FileAlreadyExistsException f) {
            return "a wallet already exists at " + f.getFile() + "; it is never overwritten (choose another --wallet)";
        }
        if (e instanceof NodeClient.NodeException n && n.code() != -1) {
            return n.getMessage() + " (node error " + n.code() + ")";
        }
        return e.getMessage() == null ? e.toString() : e.getMessage();
    }

    /** The version printed by {@code --version}. */
    static final class Version implements CommandLine.IVersionProvider {
        @Override
        public String[] getVersion() {
            return new String[] {"minicoin-wallet 0.1.0"};
        }
    }

    /** Options every command takes: where the wallet is, and how to reach the node (as minicoin-cli). */
    static final class Common {
        @Option(names = "--wallet", paramLabel = "FILE", scope = ScopeType.INHERIT,
                description = "The wallet file (default: <datadir>/<network>/wallet.json).")
        Path wallet;

        @Option(names = "--passphrase-file", paramLabel = "FILE", scope = ScopeType.INHERIT,
                description = "Read the wallet passphrase from the first line of FILE instead of the terminal.")
        Path passphraseFile;

        @Option(names = "-chain", paramLabel = "NAME", scope = ScopeType.INHERIT,
                description = "The network: main, regtest, devnet or a chain spec file (default: main).")
        String chain;

        @Option(names = "-regtest", scope = ScopeType.INHERIT, description = "Use the regtest network.")
        boolean regtest;

        @Option(names = "-datadir", paramLabel = "DIR", scope = ScopeType.INHERIT,
                description = "The node's data directory, where its cookie is (default: ~/.minicoin).")
        String dataDir;

        @Option(names = "-conf", paramLabel = "FILE", scope = ScopeType.INHERIT,
                description = "The node's config file, for RPC settings (default: <datadir>/minicoin.conf).")
        String conf;

        @Option(names = "-rpcconnect", paramLabel = "HOST", scope = ScopeType.INHERIT,
                description = "The node's RPC host (default: 127.0.0.1).")
        String rpcConnect;

        @Option(names = "-rpcport", paramLabel = "PORT", scope = ScopeType.INHERIT,
                description = "The node's RPC port (default: the network's).")
        String rpcPort;

        @Option(names = "-rpcuser", paramLabel = "USER", scope = ScopeType.INHERIT, description = "RPC user name.")
        String rpcUser;

        @Option(names = "-rpcpassword", paramLabel = "PW", scope = ScopeType.INHERIT,
                description = "RPC password (default: the node's cookie file).")
        String rpcPassword;

        @Option(names = "-rpccookiefile", paramLabel = "FILE", scope = ScopeType.INHERIT,
                description = "The node's cookie file (default: <datadir>/<network>/.cookie).")
        String rpcCookieFile;

        @Option(names = "-rpcwait", scope = ScopeType.INHERIT, description = "Wait for the node to start.")
        boolean rpcWait;

        private CliOptions options;

        /** The node connection options, read as minicoin-cli reads them (config file included). */
        CliOptions options() {
            if (options == null) {
                List<String> args = new ArrayList<>();
                add(args, "chain", chain);
                if (regtest) {
                    args.add("-regtest");
                }
                add(args, "datadir", dataDir);
                add(args, "conf", conf);
                add(args, "rpcconnect", rpcConnect);
                add(args, "rpcport", rpcPort);
                add(args, "rpcuser", rpcUser);
                add(args, "rpcpassword", rpcPassword);
                add(args, "rpccookiefile", rpcCookieFile);
                if (rpcWait) {
                    args.add("-rpcwait");
                }
                options = CliOptions.parse(args).withConfigFile();
            }
            return options;
        }

        private static void add(List<String> args, String name, String value) {
            if (value != null) {
                args.add("-" + name + "=" + value);
            }
        }

        ChainParams params() {
            return options().chainSpec().params();
        }

        NodeClient node() {
            return new NodeClient(options());
        }

        Path walletPath() {
            return wallet != null ? wallet : options().networkDir().resolve("wallet.json");
        }

        Wallet open() throws IOException {
            return Wallet.open(walletPath(), params(), node());
        }

        char[] passphrase(String prompt, boolean confirm) {
            return Terminal.passphrase(passphraseFile, prompt, confirm);
        }
    }

    // ------------------------------------------------------------------------------------------ commands

    /** What every command has: the top command's options and the command's own output. */
    abstract static class Sub implements Callable<Integer> {
        @CommandLine.ParentCommand
        MinicoinWallet parent;

        @CommandLine.Spec
        CommandLine.Model.CommandSpec spec;

        Common common() {
            return parent.common;
        }

        PrintWriter out() {
            return spec.commandLine().getOut();
        }
    }

    @Command(name = "create", description = "Create a wallet from a new random mnemonic, and print the mnemonic.")
    static final class Create extends Sub {
        @Option(names = "--words", defaultValue = "24", description = "12 or 24 words (default: ${DEFAULT-VALUE}).")
        int words;

        @Option(names = "--bip44", description = "Legacy P2PKH addresses (BIP-0044) instead of P2WPKH (BIP-0084).")
        boolean bip44;

        @Option(names = "--bip39-passphrase-file", paramLabel = "FILE",
                description = "An optional BIP-0039 passphrase (the \"25th word\"), from the first line of FILE.")
        Path bip39PassphraseFile;

        @Override
        public Integer call() throws IOException {
            if (words != 12 && words != 24) {
                throw new WalletCliException("--words must be 12 or 24");
            }
            Mnemonic mnemonic = Mnemonic.generate(words, new SecureRandom());
            char[] bip39 = bip39PassphraseFile == null ? new char[0]
                    : Terminal.secretLine(bip39PassphraseFile, "BIP-0039 passphrase", "");
            Path path = common().walletPath();
            char[] pass = common().passphrase("Choose a passphrase for " + path, true);
            try {
                Wallet w = Wallet.create(path, common().params(), common().node(), mnemonic, bip39, pass,
                        bip44 ? Purpose.BIP44 : Purpose.BIP84, ScryptParams.DEFAULT);
                PrintWriter out = out();
                out.println("Created wallet " + path + " (" + common().params().name() + ", "
                        + w.file().purpose() + ")");
                out.println("Write down these " + words + " words; they restore the wallet:");
                out.println(mnemonic.phrase());
            } finally {
                Arrays.fill(pass, '\0');
                Arrays.fill(bip39, '\0');
            }
            return 0;
        }
    }

    @Command(name = "restore", description = "Create a wallet from an existing mnemonic and find its coins.")
    static final class Restore extends Sub {
        @Option(names = "--mnemonic-file", paramLabel = "FILE",
                description = "Read the mnemonic from the first line of FILE instead of the terminal.")
        Path mnemonicFile;

        @Option(names = "--bip44", description = "Legacy P2PKH addresses (BIP-0044) instead of P2WPKH (BIP-0084).")
        boolean bip44;

        @Option(names = "--bip39-passphrase-file", paramLabel = "FILE",
                description = "The BIP-0039 passphrase the mnemonic was used with, if any.")
        Path bip39PassphraseFile;

        @Option(names = "--no-scan", description = "Do not ask the node for the wallet's coins now.")
        boolean noScan;

        @Override
        public Integer call() throws IOException {
            char[] phrase = Terminal.secretLine(mnemonicFile, "mnemonic", "Mnemonic");
            Mnemonic mnemonic;
            try {
                mnemonic = Mnemonic.parse(new String(phrase));
            } finally {
                Arrays.fill(phrase, '\0');
            }
            char[] bip39 = bip39PassphraseFile == null ? new char[0]
                    : Terminal.secretLine(bip39PassphraseFile, "BIP-0039 passphrase", "");
            Path path = common().walletPath();
            char[] pass = common().passphrase("Choose a passphrase for " + path, true);
            try {
                Wallet w = Wallet.create(path, common().params(), common().node(), mnemonic, bip39, pass,
                        bip44 ? Purpose.BIP44 : Purpose.BIP84, ScryptParams.DEFAULT);
                PrintWriter out = out();
                out.println("Restored wallet " + path + " (" + common().params().name() + ", " + w.file().purpose()
                        + ")");
                if (!noScan) {
                    Wallet.Coins coins = w.coins();
                    out.println("Found " + coins.coins().size() + " coins, " + Amounts.format(coins.total())
                            + " in all");
                }
            } finally {
                Arrays.fill(pass, '\0');
                Arrays.fill(bip39, '\0');
            }
            return 0;
        }
    }

    @Command(name = "show-mnemonic", description = "Print the wallet's mnemonic (asks for the passphrase).")
    static final class ShowMnemonic extends Sub {
        @Override
        public Integer call() throws IOException {
            Wallet w = common().open();
            char[] pass = common().passphrase("Passphrase for " + w.path(), false);
            try {
                out().println(w.mnemonic(pass));
            } finally {
                Arrays.fill(pass, '\0');
            }
            return 0;
        }
    }

    @Command(name = "receive", description = "Print a new receive address.")
    static final class Receive extends Sub {
        @Override
        public Integer call() throws IOException {
            out().println(common().open().receive());
            return 0;
        }
    }

    @Command(name = "balance", description = "Print the wallet's balance, as the node's UTXO set and mempool show it.")
    static final class Balance extends Sub {
        @Option(names = "--json", description = "Print JSON.")
        boolean json;

        @Override
        public Integer call() throws IOException {
            Wallet.Coins c = common().open().coins();
            PrintWriter out = out();
            if (json) {
                ObjectNode o = JSON.createObjectNode();
                o.put("spendable", new BigDecimal(Amounts.format(c.spendable())));
                o.put("immature", new BigDecimal(Amounts.format(c.immature())));
                o.put("unconfirmed", new BigDecimal(Amounts.format(c.unconfirmed())));
                o.put("total", new BigDecimal(Amounts.format(c.total())));
                o.put("height", c.height());
                out.println(JSON.writeValueAsString(o));
            } else {
                out.println("spendable    " + Amounts.format(c.spendable()));
                out.println("immature     " + Amounts.format(c.immature()));
                out.println("unconfirmed  " + Amounts.format(c.unconfirmed()));
                out.println("total        " + Amounts.format(c.total()));
            }
            return 0;
        }
    }

    @Command(name = "utxos", description = "List the wallet's coins.")
    static final class Utxos extends Sub {
        @Override
        public Integer call() throws IOException {
            Wallet w = common().open();
            ArrayNode a = JSON.createArrayNode();
            for (Coin c : w.coins().coins()) {
                ObjectNode o = a.addObject();
                o.put("txid", c.outpoint().txid().toString());
                o.put("vout", c.outpoint().index());
                o.put("address", w.account().address(c.chain(), c.index()));
                o.put("amount", new BigDecimal(Amounts.format(c.value())));
                o.put("confirmations", c.confirmations());
                o.put("coinbase", c.coinbase());
                o.put("spendable", c.spendable(Coin.COINBASE_MATURITY, true));
                o.put("path", w.account().path(c.chain(), c.index()).toString());
            }
            out().println(JSON.writeValueAsString(a));
            return 0;
        }
    }

    @Command(name = "send", description = "Pay an address; checks with testmempoolaccept, then broadcasts.")
    static final class Send extends Sub {
        @Parameters(index = "0", paramLabel = "ADDRESS", description = "Where to pay.")
        String address;

        @Parameters(index = "1", arity = "0..1", paramLabel = "AMOUNT",
                description = "How much, in coins (e.g. 0.5); leave out with --all.")
        String amount;

        @Option(names = "--all", description = "Send everything spendable, less the fee (no change).")
        boolean all;

        @Option(names = "--fee-rate", paramLabel = "SAT/VB",
                description = "Fee rate in sat/vB (default: the node's estimatesmartfee for 6 blocks).")
        String feeRate;

        @Option(names = "--no-rbf", description = "Do not signal BIP-0125 replaceability (default: signal).")
        boolean noRbf;

        @Option(names = "--dry-run", description = "Print the signed transaction instead of sending it.")
        boolean dryRun;

        @Override
        public Integer call() throws IOException {
            if (all == (amount != null)) {
                throw new WalletCliException(all ? "give either an amount or --all, not both"
                        : "give an amount to send, or --all");
            }
            Long sats = amount == null ? null : Amounts.parse(amount);
            Wallet w = common().open();
            char[] pass = common().passphrase("Passphrase for " + w.path(), false);
            Wallet.Sent sent;
            try {
                sent = w.send(address, sats, feeRate == null ? null : Amounts.parseFeeRate(feeRate), !noRbf, dryRun,
                        pass);
            } finally {
                Arrays.fill(pass, '\0');
            }
            PrintWriter out = out();
            if (dryRun) {
                out.println(Hex.encode(sent.transaction().serialize()));
                spec.commandLine().getErr().println("not sent (--dry-run): txid " + sent.transaction().txid()
                        + ", amount " + Amounts.format(sent.amount()) + ", fee " + Amounts.format(sent.fee()));
            } else {
                out.println(sent.transaction().txid());
            }
            return 0;
        }
    }

    @Command(name = "history", description = "List what the wallet has sent, with each transaction's status.")
    static final class History extends Sub {
        @Override
        public Integer call() throws IOException {
            Wallet w = common().open();
            ArrayNode a = JSON.createArrayNode();
            for (SentTransaction s : w.file().history()) {
                ObjectNode o = a.addObject();
                o.put("txid", s.txid().toString());
                o.put("time", s.time().toString());
                o.put("address", s.address());
                o.put("amount", new BigDecimal(Amounts.format(s.amount().sats())));
                o.put("fee", new BigDecimal(Amounts.format(s.fee().sats())));
                o.put("confirmations", w.confirmations(s));
            }
            out().println(JSON.writeValueAsString(a));
            return 0;
        }
    }

    @Command(name = "export-xpub", description = "Print the account's extended public key and descriptors.")
    static final class ExportXpub extends Sub {
        @Override
        public Integer call() throws IOException {
            Wallet w = common().open();
            PrintWriter out = out();
            out.println(w.account().xpub());
            out.println(w.account().descriptor(0));
            out.println(w.account().descriptor(1));
            return 0;
        }
    }

    @Command(name = "import-xpub", description = "Create a watch-only wallet from an account's extended public key.")
    static final class ImportXpub extends Sub {
        @Parameters(index = "0", paramLabel = "XPUB", description = "The account's xpub (main) or tpub (others).")
        String xpub;

        @Option(names = "--bip44", description = "The key is a BIP-0044 (P2PKH) account, not BIP-0084 (P2WPKH).")
        boolean bip44;

        @Override
        public Integer call() throws IOException {
            Path path = common().walletPath();
            Wallet.importXpub(path, common().params(), common().node(), xpub, bip44 ? Purpose.BIP44 : Purpose.BIP84);
            out().println("Created watch-only wallet " + path);
            return 0;
        }
    }

    @Command(name = "info", description = "Print what the wallet file holds (no secrets).")
    static final class Info extends Sub {
        @Override
        public Integer call() throws IOException {
            Wallet w = common().open();
            ObjectNode o = JSON.createObjectNode();
            o.put("file", w.path().toString());
            o.put("format", w.file().formatVersion());
            o.put("network", w.file().network());
            o.put("purpose", w.file().purpose());
            o.put("watch_only", w.file().isWatchOnly());
            o.put("master_fingerprint", w.file().masterFingerprint());
            o.put("account_path", w.account().path().toString());
            o.put("xpub", w.account().xpub());
            o.put("next_receive_index", w.file().nextReceiveIndex());
            o.put("next_change_index", w.file().nextChangeIndex());
            o.put("sent_transactions", w.file().history().size());
            o.put("created", w.file().createdAt().toString());
            out().println(JSON.writeValueAsString(o));
            return 0;
        }
    }
}
