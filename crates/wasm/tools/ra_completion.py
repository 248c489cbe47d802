#!/usr/bin/env python3
"""Asks rust-analyzer (over LSP) to complete `<expr>.` in a file and checks the expected items appear.

Usage: ra_completion.py WORKSPACE FILE LINE_TEXT_TO_APPEND_AFTER EXPR EXPECTED...
Example (what README.md runs):
  ra_completion.py /tmp/wasm-ra example/gc_binary_trees.rs "let long_lived_tree = bottom_up_tree(max_depth);" \
      long_lived_tree left set_left right set_right
The file on disk is not changed: the probe line is sent as the editor's unsaved text.
"""
import json
import os
import subprocess
import sys
import time


def main():
    workspace, relative, anchor, expr, *expected = sys.argv[1:]
    path = os.path.join(workspace, relative)
    text = open(path).read()
    if anchor not in text:
        sys.exit(f"anchor line not found in {relative}")
    probe = f"\n    let _probe = {expr}."
    position = text.index(anchor) + len(anchor)
    text = text[:position] + probe + text[position:]
    line = text[:position + len(probe)].count("\n")
    character = len(text[:position + len(probe)].rsplit("\n", 1)[1])

    server = subprocess.Popen(["rust-analyzer"], stdin=subprocess.PIPE, stdout=subprocess.PIPE,
                              stderr=subprocess.DEVNULL, cwd=workspace)
    uri = "file://" + os.path.abspath(path)
    next_id = [0]

    def send(message):
        body = json.dumps(message).encode()
        server.stdin.write(b"Content-Length: %d\r\n\r\n" % len(body) + body)
        server.stdin.flush()

    def receive():
        length = 0
        while (header := server.stdout.readline().strip()):
            if header.lower().startswith(b"content-length:"):
                length = int(header.split(b":")[1])
        return json.loads(server.stdout.read(length))

    def request(method, params):
        next_id[0] += 1
        send({"jsonrpc": "2.0", "id": next_id[0], "method": method, "params": params})
        return next_id[0]

    def wait_for(predicate, timeout):
        deadline = time.time() + timeout
        while time.time() < deadline:
            message = receive()
            if "method" in message and "id" in message:  # a request from the server: accept it
                send({"jsonrpc": "2.0", "id": message["id"], "result": None})
            elif predicate(message):
                return message
        sys.exit("rust-analyzer did not answer in time")

    initialize = request("initialize", {
        "processId": os.getpid(), "rootUri": "file://" + os.path.abspath(workspace),
        "capabilities": {"experimental": {"serverStatusNotification": True},
                         "textDocument": {"completion": {"completionItem": {"snippetSupport": False}}}},
    })
    wait_for(lambda m: m.get("id") == initialize, 120)
    send({"jsonrpc": "2.0", "method": "initialized", "params": {}})
    send({"jsonrpc": "2.0", "method": "textDocument/didOpen", "params": {
        "textDocument": {"uri": uri, "languageId": "rust", "version": 1, "text": text}}})
    wait_for(lambda m: m.get("method") == "experimental/serverStatus" and m["params"].get("quiescent"), 900)
    completion = request("textDocument/completion", {
        "textDocument": {"uri": uri}, "position": {"line": line, "character": character}})
    answer = wait_for(lambda m: m.get("id") == completion, 300)["result"]
    items = answer["items"] if isinstance(answer, dict) else answer
    labels = {item.get("filterText") or item["label"].split("(")[0] for item in items}
    server.kill()
    missing = [name for name in expected if name not in labels]
    print(f"completion of `{expr}.` in {relative}: {len(labels)} items; expected {expected}: "
          + ("all present" if not missing else f"MISSING {missing}"))
    sys.exit(1 if missing else 0)


if __name__ == "__main__":
    main()
