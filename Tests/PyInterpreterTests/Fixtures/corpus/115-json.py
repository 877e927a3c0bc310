import json
data = {"name": "run-1", "lr": 0.001, "epochs": 10, "ok": True, "note": None,
        "losses": [2.3, 1.25, 0.5], "tags": ("a", "b"), "nested": {"z": 1, "a": [1, {"b": 2}]},
        "unicode": "héllo ☃", 3: "int key"}
print(json.dumps(data))
print(json.dumps(data, indent=2, sort_keys=False))
print(json.dumps({"b": 1, "a": 2}, sort_keys=True), json.dumps([]), json.dumps({}), json.dumps("x\ny"))
print(json.dumps(data["losses"], separators=(",", ":")), json.dumps("é", ensure_ascii=False))
back = json.loads(json.dumps(data))
print(back, back["losses"][1], type(back["epochs"]).__name__)
print(json.loads('{"a": [1, 2.5, -3e2, true, false, null], "s": "q\\"\\u00e9\\n"}'))
try:
    json.dumps({"x": {1, 2}})
except TypeError as e:
    print(e)
