namespace ProtocolOcr.Core.Forms;

/// <summary>Writes a count in words, as protocols require next to the digits: Kazakh (kk) or Russian (ru), 0..999 999.</summary>
public static class NumberWords
{
    private static readonly string[] RussianUnits =
        ["", "один", "два", "три", "четыре", "пять", "шесть", "семь", "восемь", "девять"];
    private static readonly string[] RussianTeens =
        ["десять", "одиннадцать", "двенадцать", "тринадцать", "четырнадцать", "пятнадцать", "шестнадцать", "семнадцать", "восемнадцать", "девятнадцать"];
    private static readonly string[] RussianTens =
        ["", "", "двадцать", "тридцать", "сорок", "пятьдесят", "шестьдесят", "семьдесят", "восемьдесят", "девяносто"];
    private static readonly string[] RussianHundreds =
        ["", "сто", "двести", "триста", "четыреста", "пятьсот", "шестьсот", "семьсот", "восемьсот", "девятьсот"];
    private static readonly string[] KazakhUnits =
        ["", "бір", "екі", "үш", "төрт", "бес", "алты", "жеті", "сегіз", "тоғыз"];
    private static readonly string[] KazakhTens =
        ["", "он", "жиырма", "отыз", "қырық", "елу", "алпыс", "жетпіс", "сексен", "тоқсан"];

    /// <summary>The largest count written here.</summary>
    public const long Largest = 999_999;

    public static IReadOnlyList<string> Languages { get; } = ["kk", "ru"];

    public static string Write(long value, string language)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(value);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(value, Largest);
        return language switch
        {
            "ru" => value == 0 ? "ноль" : Russian((int)value),
            "kk" => value == 0 ? "нөл" : Kazakh((int)value),
            _ => throw new ArgumentException($"No number words for language '{language}'.", nameof(language)),
        };
    }

    private static string Russian(int value)
    {
        var words = new List<string>();
        var thousands = value / 1000;
        if (thousands > 0)
        {
            words.AddRange(RussianBelowThousand(thousands, feminine: true));
            words.Add(RussianThousandWord(thousands));
        }

        words.AddRange(RussianBelowThousand(value % 1000, feminine: false));
        return string.Join(' ', words);
    }

    private static List<string> RussianBelowThousand(int value, bool feminine)
    {
        var words = new List<string> { RussianHundreds[value / 100] };
        var rest = value % 100;
        if (rest is >= 10 and < 20)
        {
            words.Add(RussianTeens[rest - 10]);
        }
        else
        {
            words.Add(RussianTens[rest / 10]);
            var unit = rest % 10;
            words.Add(feminine && unit is 1 or 2 ? (unit == 1 ? "одна" : "две") : RussianUnits[unit]);
        }

        return words.Where(word => word.Length > 0).ToList();
    }

    private static string RussianThousandWord(int thousands)
    {
        var lastTwo = thousands % 100;
        var last = thousands % 10;
        if (lastTwo is >= 11 and <= 14)
        {
            return "тысяч";
        }

        return last switch
        {
            1 => "тысяча",
            2 or 3 or 4 => "тысячи",
            _ => "тысяч",
        };
    }

    private static string Kazakh(int value)
    {
        var words = new List<string>();
        var thousands = value / 1000;
        if (thousands > 0)
        {
            words.AddRange(KazakhBelowThousand(thousands));
            words.Add("мың");
        }

        words.AddRange(KazakhBelowThousand(value % 1000));
        return string.Join(' ', words);
    }

    private static List<string> KazakhBelowThousand(int value)
    {
        var words = new List<string>();
        var hundreds = value / 100;
        if (hundreds > 0)
        {
            if (hundreds > 1)
            {
                words.Add(KazakhUnits[hundreds]);
            }

            words.Add("жүз");
        }

        words.Add(KazakhTens[value % 100 / 10]);
        words.Add(KazakhUnits[value % 10]);
        return words.Where(word => word.Length > 0).ToList();
    }
}
