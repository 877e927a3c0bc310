from dataclasses import dataclass, field, asdict
from typing import List, Optional

@dataclass
class Config:
    name: str
    lr: float = 0.01
    layers: List[int] = field(default_factory=list)
    note: Optional[str] = None

    def describe(self) -> str:
        return f"{self.name}: lr={self.lr} layers={self.layers}"

c = Config("base")
d = Config("wide", lr=0.1, layers=[128, 128])
print(c)
print(d, d.describe())
print(c == Config("base"), c == d, asdict(d))
c.layers.append(3)
print(c.layers, Config("x").layers)

@dataclass(frozen=False)
class Point:
    x: int
    y: int = 0
    def __post_init__(self):
        self.norm = abs(self.x) + abs(self.y)

p = Point(3, -4)
print(p, p.norm)
try:
    Config()
except TypeError as e:
    print(e)

@dataclass
class Point3(Point):
    z: int = 5
print(Point3(1, 2, 3), Point3(1))
