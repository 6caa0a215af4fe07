import sys, re, subprocess, html
# Counts display defects from a PDF's text lines (pdftotext -bbox-layout): title/standfirst runts and
# function-word breaks (display lines told by their height), dashes at line start, hyphens in ranges.
FW=set("a an the of in on at to for by with and or but nor from as into onto than that this its our their his her is are was be vs".split())
rng=re.compile(r'(?<![\w\-./,:])\d{1,4}-\d{1,4}(?![\w\-/])')
def lines(pdf):
    out=subprocess.run(['pdftotext','-bbox-layout',pdf,'-'],capture_output=True,text=True).stdout
    page=0; res=[]
    for l in out.split('\n'):
        if '<page ' in l: page+=1
        m=re.search(r'<line xMin="([\d.]+)" yMin="([\d.]+)" xMax="([\d.]+)" yMax="([\d.]+)">',l)
        if m: cur=[page,float(m.group(2)),float(m.group(4))-float(m.group(2)),[]]; res.append(cur)
        w=re.search(r'<word [^>]*>(.*)</word>',l)
        if w and res: res[-1][3].append(html.unescape(w.group(1)))
    return res
def count(pdf):
    c={'display-runt':0,'display-function-break':0,'dash-at-line-start':0,'hyphen-in-range':0}
    L=lines(pdf)
    disp=[l for l in L if l[0]==1 and l[2]>14.5]
    # paragraphs of display lines: consecutive lines of the same height
    groups=[]
    for l in disp:
        if groups and abs(groups[-1][-1][2]-l[2])<1.5 and l[1]-groups[-1][-1][1]<l[2]*1.6: groups[-1].append(l)
        else: groups.append([l])
    for g in groups:
        if len(g)<2: continue
        if len(g[-1][3])==1: c['display-runt']+=1
        for l in g[:-1]:
            if l[3] and l[3][-1].lower() in FW: c['display-function-break']+=1
    for l in L:
        t=' '.join(l[3])
        if l[3] and l[3][0] in ('–','—') : c['dash-at-line-start']+=1
        c['hyphen-in-range']+=len(rng.findall(t))
    return c, max(l[0] for l in L)
c,p=count(sys.argv[1]); print(sys.argv[1].split('/')[-1], p, ' '.join(f'{k}={v}' for k,v in c.items()))
