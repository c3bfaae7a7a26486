namespace ContentHub.Search;

/// <summary>
/// The Porter stemmer (M. F. Porter, "An algorithm for suffix stripping", 1980), for lower-case English
/// words: "investments", "investing" and "invested" all become "invest". Words with letters outside
/// a–z are returned as they are.
/// </summary>
public static class EnglishStemmer
{
    private static readonly (string Suffix, string Replacement)[] Step2 =
    [
        ("ational", "ate"), ("tional", "tion"), ("enci", "ence"), ("anci", "ance"), ("izer", "ize"), ("bli", "ble"),
        ("alli", "al"), ("entli", "ent"), ("eli", "e"), ("ousli", "ous"), ("ization", "ize"), ("ation", "ate"),
        ("ator", "ate"), ("alism", "al"), ("iveness", "ive"), ("fulness", "ful"), ("ousness", "ous"), ("aliti", "al"),
        ("iviti", "ive"), ("biliti", "ble"), ("logi", "log"),
    ];

    private static readonly (string Suffix, string Replacement)[] Step3 =
    [
        ("icate", "ic"), ("ative", ""), ("alize", "al"), ("iciti", "ic"), ("ical", "ic"), ("ful", ""), ("ness", ""),
    ];

    private static readonly string[] Step4 =
    [
        "al", "ance", "ence", "er", "ic", "able", "ible", "ant", "ement", "ment", "ent", "ion", "ou", "ism", "ate", "iti", "ous", "ive", "ize",
    ];

    public static string Stem(string word)
    {
        if (word.Length <= 2 || !word.All(c => c is >= 'a' and <= 'z'))
        {
            return word;
        }

        var w = StepOneA(word);
        w = StepOneB(w);
        w = StepOneC(w);
        w = Replace(w, Step2, minimumMeasure: 1);
        w = Replace(w, Step3, minimumMeasure: 1);
        w = StepFour(w);
        w = StepFiveA(w);
        return StepFiveB(w);
    }

    private static string StepOneA(string w) =>
        w.EndsWith("sses", StringComparison.Ordinal) ? w[..^2]
        : w.EndsWith("ies", StringComparison.Ordinal) ? w[..^2]
        : w.EndsWith("ss", StringComparison.Ordinal) ? w
        : w.EndsWith('s') ? w[..^1]
        : w;

    private static string StepOneB(string w)
    {
        if (w.EndsWith("eed", StringComparison.Ordinal))
        {
            return Measure(w[..^3]) > 0 ? w[..^1] : w;
        }

        string stem;
        if (w.EndsWith("ed", StringComparison.Ordinal) && HasVowel(w[..^2]))
        {
            stem = w[..^2];
        }
        else if (w.EndsWith("ing", StringComparison.Ordinal) && HasVowel(w[..^3]))
        {
            stem = w[..^3];
        }
        else
        {
            return w;
        }

        if (stem.EndsWith("at", StringComparison.Ordinal) || stem.EndsWith("bl", StringComparison.Ordinal) || stem.EndsWith("iz", StringComparison.Ordinal))
        {
            return stem + "e";
        }

        if (EndsWithDoubleConsonant(stem) && stem[^1] is not ('l' or 's' or 'z'))
        {
            return stem[..^1];
        }

        return Measure(stem) == 1 && EndsConsonantVowelConsonant(stem) ? stem + "e" : stem;
    }

    private static string StepOneC(string w) => w.EndsWith('y') && HasVowel(w[..^1]) ? w[..^1] + "i" : w;

    private static string StepFour(string w)
    {
        foreach (var suffix in Step4)
        {
            if (!w.EndsWith(suffix, StringComparison.Ordinal))
            {
                continue;
            }

            var stem = w[..^suffix.Length];
            if (suffix == "ion" && (stem.Length == 0 || stem[^1] is not ('s' or 't')))
            {
                return w;
            }

            return Measure(stem) > 1 ? stem : w;
        }

        return w;
    }

    private static string StepFiveA(string w)
    {
        if (!w.EndsWith('e'))
        {
            return w;
        }

        var stem = w[..^1];
        var m = Measure(stem);
        return m > 1 || (m == 1 && !EndsConsonantVowelConsonant(stem)) ? stem : w;
    }

    private static string StepFiveB(string w) =>
        Measure(w) > 1 && EndsWithDoubleConsonant(w) && w[^1] == 'l' ? w[..^1] : w;

    // The longest matching suffix is replaced, if the stem before it has the measure.
    private static string Replace(string w, (string Suffix, string Replacement)[] rules, int minimumMeasure)
    {
        foreach (var (suffix, replacement) in rules.OrderByDescending(r => r.Suffix.Length))
        {
            if (w.EndsWith(suffix, StringComparison.Ordinal))
            {
                var stem = w[..^suffix.Length];
                return Measure(stem) >= minimumMeasure ? stem + replacement : w;
            }
        }

        return w;
    }

    private static bool IsConsonant(string w, int i) => w[i] switch
    {
        'a' or 'e' or 'i' or 'o' or 'u' => false,
        'y' => i == 0 || !IsConsonant(w, i - 1),
        _ => true,
    };

    // m in [C](VC)^m[V]: the number of vowel–consonant sequences.
    private static int Measure(string stem)
    {
        var m = 0;
        var i = 0;
        while (i < stem.Length && IsConsonant(stem, i))
        {
            i++;
        }

        while (i < stem.Length)
        {
            while (i < stem.Length && !IsConsonant(stem, i))
            {
                i++;
            }

            if (i == stem.Length)
            {
                break;
            }

            m++;
            while (i < stem.Length && IsConsonant(stem, i))
            {
                i++;
            }
        }

        return m;
    }

    private static bool HasVowel(string stem) => Enumerable.Range(0, stem.Length).Any(i => !IsConsonant(stem, i));

    private static bool EndsWithDoubleConsonant(string w) => w.Length >= 2 && w[^1] == w[^2] && IsConsonant(w, w.Length - 1);

    // *o: ends consonant–vowel–consonant, the last not w, x or y ("hop", not "snow").
    private static bool EndsConsonantVowelConsonant(string w) =>
        w.Length >= 3 && IsConsonant(w, w.Length - 3) && !IsConsonant(w, w.Length - 2) && IsConsonant(w, w.Length - 1) && w[^1] is not ('w' or 'x' or 'y');
}
