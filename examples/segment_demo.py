"""Split a short Russian news item into sentences and tokens with posol.

Run after ``pip install ./python``::

    python examples/segment_demo.py
"""

import posol

# A fictional news item, written for this example.
TEXT = (
    "Рим, 12 марта. Министр иностранных дел Казахстана провёл переговоры "
    "с главой МИД Италии в г. Риме. Стороны обсудили торгово-экономическое "
    "сотрудничество: товарооборот за 2024 г. вырос на 8,4% и составил 15,1 млрд долларов. "
    "«Италия остаётся одним из ключевых партнёров Казахстана в Европе», – "
    "отметил казахстанский министр. По итогам встречи подписан меморандум "
    "о сотрудничестве в сфере культуры 🇰🇿🇮🇹."
)


def main() -> None:
    doc = posol.analyze(TEXT)
    print(f"posol {posol.__version__}: {len(doc.sentences)} sentences, {len(doc)} tokens\n")
    for number, sentence in enumerate(doc.sentences, 1):
        print(f"[{number}] {sentence.start}:{sentence.stop} {sentence.text}")
        for token in sentence.tokens:
            assert TEXT[token.start : token.stop] == token.text
            print(f"    {token.start:>4}:{token.stop:<4} {token.kind:<7} {token.text}")
        print()


if __name__ == "__main__":
    main()
