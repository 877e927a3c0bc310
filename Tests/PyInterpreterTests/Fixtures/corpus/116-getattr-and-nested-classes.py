class Config:
    defaults = {"lr": 0.1, "momentum": 0.9}
    def __init__(self, **overrides):
        self.overrides = overrides
    def __getattr__(self, name):
        if name in self.overrides:
            return self.overrides[name]
        if name in self.defaults:
            return self.defaults[name]
        raise AttributeError(f"no setting {name!r}")
    class Meta:
        version = 2
c = Config(lr=0.5)
print(c.lr, c.momentum, Config.Meta.version, Config.Meta().version)
try:
    c.missing
except AttributeError as e:
    print("AttributeError:", e)
print(getattr(c, "momentum"), hasattr(c, "nothing"), hasattr(c, "lr"))
