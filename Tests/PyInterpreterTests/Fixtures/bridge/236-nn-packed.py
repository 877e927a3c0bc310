import torch
import torch.nn as nn
from torch.nn.utils.rnn import pad_sequence, pack_padded_sequence, pad_packed_sequence, pack_sequence

torch.manual_seed(36)
seqs = [torch.randn(5, 2), torch.randn(3, 2), torch.randn(2, 2)]
padded = pad_sequence(seqs)
print(padded.shape)
print(pad_sequence(seqs, batch_first=True, padding_value=-1.0)[2])
lengths = [5, 3, 2]
packed = pack_padded_sequence(padded, lengths)
print(packed.batch_sizes)
print(packed.data.shape)
lstm = nn.LSTM(2, 3)
out, (h, c) = lstm(packed)
unpacked, lens = pad_packed_sequence(out)
print(unpacked.shape, lens)
print(unpacked[:, 2])
print(h)
single, (hs, cs) = lstm(seqs[1].unsqueeze(1))
print(torch.allclose(hs[0, 0], h[0, 1], atol=1e-6), torch.allclose(single[:, 0], unpacked[:3, 1], atol=1e-6))
gru = nn.GRU(2, 4, batch_first=True)
bf = pad_sequence(seqs, batch_first=True)
p2 = pack_padded_sequence(bf, torch.tensor([5, 3, 2]), batch_first=True)
o2, h2 = gru(p2)
u2, l2 = pad_packed_sequence(o2, batch_first=True)
print(u2.shape, l2)
print(h2)
p3 = pack_padded_sequence(pad_sequence([seqs[2], seqs[0]]), [2, 5], enforce_sorted=False)
o3, h3 = gru(p3)
print(p3.sorted_indices, p3.unsorted_indices, h3.shape)
print(torch.allclose(h3[0, 1], h2[0, 0], atol=1e-6))
try:
    pack_padded_sequence(padded, [2, 5, 3])
except RuntimeError as e:
    print("RuntimeError:", str(e)[:60])
print(pack_sequence(seqs).batch_sizes)
