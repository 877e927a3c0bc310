# Seeded random `\ce` arguments built from pieces of mhchem syntax: the differential corpus of
# MhchemTests. Usage: python3 random-inputs.py SEED COUNT > random.txt
import random, sys
seed=int(sys.argv[1]); n=int(sys.argv[2])
r=random.Random(seed)
pieces=["H","O","C","N","Na","Cl","Fe","SO4","CO3","NH4","2","3","10","1/2","n","x","i","-","+","^","_","^2+","^2-","_2","^{2-}","_{(aq)}","(aq)","(s)","(l)","(g)"," ","  ","->","<-","<->","<-->","<=>","<=>>","<<=>","->[","]","[","(",")","{","}","{}","\\{","\\}","*",".","...","....",",",";","=","#","<",">","<<",">>","v","^","(v)","(^)","$","$x$","$n$","\\alpha","\\beta ","\\mu","\\ca","\\bond{","~","~-","~=","\\pm","+-","\\frac{","}{","\\overset{","\\underset{","\\underbrace{","}_{","\\color{red}","\\color{","\\ce{","\\text{","\\,","\\;","&","\\\\","\\hline","'","''","I","II","IV","+III","-II","1s","2p","sp3","-s","pH","iPr","e-","\u2212","\u2192","\u21cc","α","Δ","\\Delta","T[","M[","C[","0.5","1,5",".5","$\\pm$","\\approx","x_i","o","d","f","|","/","//","?","@","%"]
for _ in range(n):
    k=r.randint(1,12)
    print("".join(r.choice(pieces) for _ in range(k)))
