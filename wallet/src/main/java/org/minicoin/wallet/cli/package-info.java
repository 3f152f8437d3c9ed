/** The {@code minicoin-wallet} command (picocli) and how it reads secrets: terminal without echo, or files. */
package org.minicoin.wallet.cli;
