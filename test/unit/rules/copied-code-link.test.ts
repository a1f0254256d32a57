import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { dedent, document, service } from '../../support/fixtures';
import { at, findings } from '../../support/rules';

const CODE = 'copied-code-link';

/** The message of a finding whose original is on `line`, with the original's title as the message quotes it. */
const copiedFrom = (line: number, title: string) =>
  `Same code link as a different paper on line ${line} ("${title}"): a copied line? Expected this paper's own code link, or none.`;

describe('copied-code-link', () => {
  it('reports a folder of a repository given to two different papers, on the later one, naming the other (numbered entries, [[code](…)])', () => {
    const text = dedent(`
      ## Models
      1. Denoising pretraining for text. _Lane, M. et al._ arXiv 2019. [[paper](https://arxiv.org/abs/1910.11111)] [[code](https://github.com/acme/toolbox/tree/main/models/denoiser)]
      ## Reasoning
      1. Voting over sampled chains. _Wong, X. et al._ arXiv 2022. [[paper](https://arxiv.org/abs/2203.22222)] [[code](https://github.com/Acme/Toolbox/blob/master/models/denoiser/README.md)]
    `);
    assert.deepEqual(findings(CODE, text), [`${at(text, 4, 'https://github.com/Acme')} ${copiedFrom(2, 'Denoising pretraining for text')}`]);
    const [diagnostic] = service().getDiagnostics(document(text)).filter((d) => d.code === CODE);
    assert.equal(diagnostic!.severity, 4, 'a hint');
    assert.deepEqual(diagnostic!.relatedInformation!.map((r) => [r.location.range.start.line, r.message]), [[1, 'The other paper with this code link']]);
  });

  it('reports the same page on another host given to two different papers', () => {
    const text = dedent(`
      ## Retrieval
      1. Augmenting bi-encoders with silver pairs. _Tan, N. et al._ arXiv 2020. [[paper](https://arxiv.org/abs/2010.33333)][[code](https://www.example-docs.net/examples/augmentation/index.html)]
      2. Synthetic queries for ranking. _Bono, L. et al._ arXiv 2022. [[paper](https://arxiv.org/abs/2202.44444)][[project](https://ranking.example.org)]
      3. Another method for ranking. _Ruiz, P. et al._ arXiv 2022. [[paper](https://arxiv.org/abs/2202.55555)][[code](http://example-docs.net/examples/augmentation/index.html/)]
    `);
    assert.deepEqual(findings(CODE, text), [`${at(text, 4, 'http://example-docs')} ${copiedFrom(2, 'Augmenting bi-encoders with silver pairs')}`]);
  });

  it('reports a repository\'s front page copied from the line above onto a paper by other authors (date tags, authors with affiliations)', () => {
    const text = dedent(`
      ## Personality
      - [2023/07] **Measuring temperament of chat models with type tests.** *Kay Pan (SomeLab) et al. arXiv.* [[paper](https://arxiv.org/abs/2307.16666)] [[code](https://github.com/someone/nlp_playground)]
      - [2023/07] **Character traits in large language models.** *Mira Safdar (OtherLab) et al. arXiv.* [[paper](https://arxiv.org/abs/2307.07777)] [[code](https://github.com/Someone/NLP_playground.git/)]
    `);
    assert.deepEqual(findings(CODE, text), [`${at(text, 3, 'https://github.com/Someone')} ${copiedFrom(2, 'Measuring temperament of chat models with type tests')}`]);
    // `/tree/main` is the front page too.
    assert.equal(findings(CODE, text.replace('NLP_playground.git/', 'nlp_playground/tree/main')).length, 1);
  });

  it('reads title links with a star badge, and items whose links are on a <br /> line', () => {
    const badges = dedent(`
      ## Long context
      1. [**Sparse attention with learned routes**](https://arxiv.org/abs/2406.11111). _Ann Hill, Bo Park._ arXiv 2024. [![Stars](https://img.shields.io/github/stars/lab/attn)](https://github.com/lab/attn/tree/main/routes)
      ## Compression
      1. [**Pruning the key cache**](https://arxiv.org/abs/2508.22222). _Cy Zhang, Di He._ arXiv 2025. [![Stars](https://img.shields.io/github/stars/lab/attn)](https://github.com/lab/attn/tree/main/routes)
    `);
    assert.deepEqual(findings(CODE, badges), [`${at(badges, 4, 'https://github.com/lab/attn/tree')} ${copiedFrom(2, 'Sparse attention with learned routes')}`]);
    const broken = dedent(`
      ## Agents
      1. **Planning with tools**. (EMNLP 2023) <br />
         _Ana Lee, Bo Chen._ [[paper](https://arxiv.org/abs/2305.11111)] [[code](https://github.com/lab/agents/tree/main/planner)]
      2. **Memory for dialogue agents**. (ACL 2023) <br />
         _Cai Wu, Dan Roe._ [[paper](https://arxiv.org/abs/2306.22222)] [[code](https://github.com/lab/agents/tree/main/planner)]
    `);
    assert.deepEqual(findings(CODE, broken), [`${at(broken, 5, 'https://github.com/lab/agents')} ${copiedFrom(2, 'Planning with tools')}`]);
  });

  it('reads table rows with a Code column', () => {
    const text = dedent(`
      ## Multimodal
      | Title | Venue | Date | Code |
      |:------|:-----:|:----:|:----:|
      | [**Seeing and telling with one model**](https://arxiv.org/pdf/2306.11111.pdf) | arXiv | 2023-06-20 | [Github](https://github.com/lab/vision/tree/main/projects/teller) |
      | [**Reading charts at scale**](https://arxiv.org/pdf/2311.22222.pdf) | arXiv | 2023-11-02 | [Github](https://github.com/lab/vision/tree/main/projects/reader) |
      | [**Grounded answers for images**](https://arxiv.org/pdf/2312.33333.pdf) | CVPR | 2024-06-01 | [Github](https://github.com/lab/vision/tree/main/projects/teller) |
    `);
    assert.deepEqual(findings(CODE, text), [`${at(text, 6, 'https://github.com/lab/vision/tree/main/projects/teller')} ${copiedFrom(4, 'Seeing and telling with one model')}`]);
  });

  it('says nothing of the same paper listed twice, or of links that are not code links', () => {
    const samePaper = dedent(`
      ## One
      1. Denoising pretraining for text. _Lane, M. et al._ arXiv 2019. [[paper](https://arxiv.org/abs/1910.11111)] [[code](https://github.com/acme/toolbox/tree/main/denoiser)]
      ## Two
      1. Denoising pretraining for text. _Lane, M. et al._ arXiv 2019. [[paper](https://arxiv.org/pdf/1910.11111v2.pdf)] [[code](https://github.com/acme/toolbox/tree/main/denoiser)]
      2. Denoising pretraining for text. _Lane, M. et al._ ICLR 2020. [[paper](https://openreview.net/forum?id=abc)] [[code](https://github.com/acme/toolbox/tree/main/denoiser)]
    `);
    assert.deepEqual(findings(CODE, samePaper), []);
    const notCode = dedent(`
      ## Data
      1. One corpus for all. _Lane, M. et al._ arXiv 2019. [[paper](https://arxiv.org/abs/1910.11111)] [[data](https://github.com/acme/corpora/tree/main/shared)] [[project](https://acme.org/p)]
      2. Another corpus. _Wong, X. et al._ arXiv 2022. [[paper](https://arxiv.org/abs/2203.22222)] [[data](https://github.com/acme/corpora/tree/main/shared)] [[project](https://acme.org/p)]
    `);
    assert.deepEqual(findings(CODE, notCode), []);
  });

  it('says nothing of a repository, folder or page three or more papers share (a toolkit, a benchmark)', () => {
    const text = dedent(`
      ## Evaluation
      1. First benchmark study. _Lane, M. et al._ arXiv 2023. [[paper](https://arxiv.org/abs/2301.11111)] [[code](https://github.com/org/bench/tree/main/suite)]
      2. Second benchmark study. _Wong, X. et al._ arXiv 2023. [[paper](https://arxiv.org/abs/2302.22222)] [[code](https://github.com/org/bench/tree/main/suite)]
      3. Third benchmark study. _Ruiz, P. et al._ arXiv 2023. [[paper](https://arxiv.org/abs/2303.33333)] [[code](https://github.com/org/bench/tree/main/suite)]
      4. Fourth study. _Kim, S. et al._ arXiv 2023. [[paper](https://arxiv.org/abs/2304.44444)] [[code](https://github.com/org/kit)]
      5. Fifth study. _Moe, T. et al._ arXiv 2023. [[paper](https://arxiv.org/abs/2305.55555)] [[code](https://github.com/org/kit)]
      6. Sixth study. _Poe, U. et al._ arXiv 2023. [[paper](https://arxiv.org/abs/2306.66666)] [[code](https://github.com/org/kit)]
    `);
    assert.deepEqual(findings(CODE, text), []);
  });

  it('says nothing of a monorepo\'s sub-projects or its front page, nor of a folder inside a repository that is another paper\'s code', () => {
    const text = dedent(`
      ## Vision
      1. A vision foundation model. _Lane, M. et al._ arXiv 2023. [[paper](https://arxiv.org/abs/2301.11111)] [[code](https://github.com/big/research)]
      2. Tokens for every pixel. _Quinn, R. et al._ arXiv 2023. [[paper](https://arxiv.org/abs/2301.99999)] [[code](https://github.com/big/research/)]
      3. Grounding captions in pixels. _Wong, X. et al._ arXiv 2023. [[paper](https://arxiv.org/abs/2302.22222)] [[code](https://github.com/big/research/blob/main/grounding/README.md)]
      4. Charts as images. _Ruiz, P. et al._ arXiv 2023. [[paper](https://arxiv.org/abs/2303.33333)] [[code](https://github.com/big/research/tree/main/charts)]
      5. A second branch. _Kim, S. et al._ arXiv 2023. [[paper](https://arxiv.org/abs/2304.44444)] [[code](https://github.com/big/other/tree/v2)]
      6. A first branch. _Moe, T. et al._ arXiv 2023. [[paper](https://arxiv.org/abs/2305.55555)] [[code](https://github.com/big/other)]
    `);
    assert.deepEqual(findings(CODE, text), []);
  });

  it('says nothing of a paper and its follow-up that share a repository\'s front page', () => {
    const sharedAuthors = dedent(`
      ## Attention
      1. [**Fast exact attention**](https://arxiv.org/abs/2205.11111). _Tri Dawn, Dan Fu._ arXiv 2022. [[code](https://github.com/lab/fast-attn)]
      2. [**Faster attention with better parallelism**](https://arxiv.org/abs/2307.22222). _Tri Dawn._ arXiv 2023. [[code](https://github.com/lab/fast-attn)]
    `);
    assert.deepEqual(findings(CODE, sharedAuthors), [], 'authors in common');
    const namedInTitle = dedent(`
      ## Compression
      - [2023/10] **PromptSqueeze: compressing prompts.** *Hui Jiang (Lab) et al. arXiv.* [[paper](https://arxiv.org/abs/2310.11111)] [[code](https://github.com/lab/PromptSqueeze)]
      - [2024/03] **PromptSqueeze-2: distilled compression.** *Zoe Pan (Lab) et al. arXiv.* [[paper](https://arxiv.org/abs/2403.22222)] [[code](https://github.com/lab/PromptSqueeze)]
    `);
    assert.deepEqual(findings(CODE, namedInTitle), [], 'the later title names the repository');
    const apart = dedent(`
      ## Systems
      1. **"Training systems at scale"**. *Rase et al.* KDD 2020. [[Paper](https://dl.acm.org/doi/10.1145/1111111.2222222)] [[Source](https://github.com/big/speedup)]
      ## Quantization
      1. **"Post-training quantization for transformers"**. *Yao et al.* NeurIPS 2022. [[Paper](https://arxiv.org/abs/2206.01111)] [[GitHub](https://github.com/big/speedup)]
    `);
    assert.deepEqual(findings(CODE, apart), [], 'not neighbours: a project hosted in a framework\'s repository');
    const noAuthors = dedent(`
      ## Models
      | Title | Venue | Date | Code |
      |:------|:-----:|:----:|:----:|
      | [**A small vision model**](https://arxiv.org/pdf/2312.11111.pdf) | arXiv | 2023-12-28 | [Github](https://github.com/lab/small-vlm) |
      | [**Stronger baselines for small models**](https://arxiv.org/pdf/2402.22222.pdf) | arXiv | 2024-02-06 | [Github](https://github.com/lab/small-vlm) |
    `);
    assert.deepEqual(findings(CODE, noAuthors), [], 'no authors to tell a copy from a follow-up');
  });

  it('follows edits: a finding comes and goes with the copied link, as a fresh analysis finds it', () => {
    const base = dedent(`
      ## Models
      1. Denoising pretraining for text. _Lane, M. et al._ arXiv 2019. [[paper](https://arxiv.org/abs/1910.11111)] [[code](https://github.com/acme/toolbox/tree/main/denoiser)]
      ## Reasoning
      1. Voting over sampled chains. _Wong, X. et al._ arXiv 2022. [[paper](https://arxiv.org/abs/2203.22222)] [[code](https://github.com/acme/voting)]
    `);
    const copied = base.replace('acme/voting', 'acme/toolbox/tree/main/denoiser');
    const moved = `# Survey\n\nSome words.\n\n${copied}`;
    const followed = service();
    const shown = (text: string, svc = service()) => svc.getDiagnostics(document(text, 'file:///survey/README.md', versions++)).filter((d) => d.code === CODE).map((d) => `${d.range.start.line}:${d.message}`);
    let versions = 1;
    const steps = [base, copied, moved, copied, base];
    const seen = steps.map((text) => {
      const now = shown(text, followed);
      assert.deepEqual(now, shown(text), 'the followed analysis agrees with a fresh one');
      return now.length;
    });
    assert.deepEqual(seen, [0, 1, 1, 1, 0]);
    assert.match(shown(moved, followed)[0]!, /^7:.*on line 6 /, 'lines named where the entries stand now');
  });
});
