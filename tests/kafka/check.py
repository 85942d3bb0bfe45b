#!/usr/bin/env python3
"""Reads and writes newsflow topics with confluent-kafka (a client that is
not ours), for the end-to-end tests. Prints one JSON object on stdout.

  check.py BROKERS read TOPIC [EXPECTED]     every message, until idle (or all
                                             EXPECTED markers are seen)
  check.py BROKERS produce TOPIC KEY VALUE   one message, waits for the ack
  check.py BROKERS committed GROUP TOPIC     committed offsets of a group
"""
import json
import re
import sys
import time

from confluent_kafka import OFFSET_BEGINNING, Consumer, Producer, TopicPartition

MARKER = re.compile(rb"NFX(\d{6})Q")
REQUIRED_HEADERS = ("schema_version", "content-type", "source", "trace_id")


def partitions(consumer, topic):
    meta = consumer.list_topics(topic, timeout=10)
    if topic not in meta.topics or meta.topics[topic].error is not None:
        return []
    return sorted(meta.topics[topic].partitions)


def consumer(brokers, group="newsflow-check"):
    return Consumer({
        "bootstrap.servers": brokers,
        "group.id": group,
        "enable.auto.commit": False,
        "auto.offset.reset": "earliest",
    })


def read(brokers, topic, expected=None, idle_secs=3.0, timeout_secs=120.0):
    # The end is found by going idle, not by watermarks: the test broker
    # (tansu 0.6) reports high watermarks that lag the real end.
    c = consumer(brokers)
    parts = partitions(c, topic)
    # assign(), not subscribe(): no group join, no commits.
    c.assign([TopicPartition(topic, p, OFFSET_BEGINNING) for p in parts])
    count = 0
    markers = {}
    bad_headers = 0
    first_headers = None
    dead = []
    started = time.monotonic()
    last_message = started
    while parts and time.monotonic() - started < timeout_secs:
        complete = expected is not None and len(markers) >= expected
        idle = time.monotonic() - last_message
        if idle >= (1.0 if complete else idle_secs):
            break
        msg = c.poll(0.2)
        if msg is None or msg.error():
            continue
        last_message = time.monotonic()
        count += 1
        headers = {k: (v.decode("utf-8", "replace") if v is not None else None)
                   for k, v in (msg.headers() or [])}
        if first_headers is None:
            first_headers = headers
            first_headers["key"] = (msg.key() or b"").decode("utf-8", "replace")
        if any(h not in headers for h in REQUIRED_HEADERS):
            bad_headers += 1
        value = msg.value() or b""
        for m in set(MARKER.findall(value)):
            n = int(m)
            markers[n] = markers.get(n, 0) + 1
        if headers.get("record_type") == "dead_letter" and len(dead) < 20:
            payload = json.loads(value)
            dead.append({
                "reason_header": headers.get("reason"),
                "stage_header": headers.get("stage"),
                "reason": payload.get("reason"),
                "stage": payload.get("stage"),
                "original": payload.get("original", "")[:200],
            })
    c.close()
    out = {
        "topic": topic,
        "count": count,
        "distinct": len(markers),
        "duplicates": sum(v - 1 for v in markers.values()),
        "bad_headers": bad_headers,
        "headers": first_headers,
        "dead_letters": dead,
    }
    if expected is not None:
        missing = [n for n in range(expected) if n not in markers]
        out["missing"] = len(missing)
        out["missing_first"] = missing[:10]
    return out


def produce(brokers, topic, key, value):
    p = Producer({"bootstrap.servers": brokers})
    errors = []
    p.produce(topic, key=key.encode(), value=value.encode(),
              on_delivery=lambda err, msg: errors.append(str(err)) if err else None)
    left = p.flush(30)
    return {"topic": topic, "delivered": left == 0 and not errors, "errors": errors}


def committed(brokers, group, topic):
    c = consumer(brokers, group)
    tps = [TopicPartition(topic, p) for p in partitions(c, topic)]
    offsets = c.committed(tps, timeout=10) if tps else []
    c.close()
    return {"group": group, "offsets": {str(tp.partition): tp.offset for tp in offsets}}


def main(argv):
    brokers, command, args = argv[1], argv[2], argv[3:]
    if command == "read":
        result = read(brokers, args[0], int(args[1]) if len(args) > 1 else None)
    elif command == "produce":
        result = produce(brokers, *args[:3])
    elif command == "committed":
        result = committed(brokers, args[0], args[1])
    else:
        raise SystemExit(f"unknown command {command}")
    print(json.dumps(result))


if __name__ == "__main__":
    main(sys.argv)
