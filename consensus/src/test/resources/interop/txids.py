# Reads one transaction in hex per line on stdin; prints "txid wtxid size vsize" per line, computed by
# python-bitcoinlib (an independent implementation), or "error <message>" when it cannot parse the bytes.
import sys
from bitcoin.core import CTransaction, b2lx

for line in sys.stdin:
    line = line.strip()
    try:
        tx = CTransaction.deserialize(bytes.fromhex(line))
        full = tx.serialize()
        stripped = tx.serialize({'include_witness': False})
        weight = 3 * len(stripped) + len(full)
        print(b2lx(tx.GetTxid()), b2lx(tx.GetHash()), len(full), (weight + 3) // 4)
    except Exception as e:  # report, don't stop: one line out per line in
        print("error", type(e).__name__)
