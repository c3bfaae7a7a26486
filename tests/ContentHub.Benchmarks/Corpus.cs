using System.Text;

namespace ContentHub.Benchmarks;

/// <summary>
/// A deterministic corpus: the same seed gives the same articles, about 4 KB of Markdown per language
/// in the six languages, built from words of each script so sizes and encodings are realistic.
/// </summary>
public sealed class Corpus(int seed)
{
    private static readonly Dictionary<string, string[]> Words = new()
    {
        ["vi"] = ["Bắc Giang", "đầu tư", "khu công nghiệp", "vải thiều", "du lịch", "văn hóa", "hợp tác", "phát triển", "doanh nghiệp", "người dân", "tỉnh", "năm", "mới", "được", "với", "các", "trong", "đối ngoại"],
        ["en"] = ["Bac Giang", "investment", "industrial park", "lychee", "tourism", "culture", "cooperation", "development", "business", "people", "province", "year", "new", "with", "the", "in", "foreign affairs"],
        ["zh-Hans"] = ["北江", "投资", "工业园区", "荔枝", "旅游", "文化", "合作", "发展", "企业", "人民", "省", "年", "新", "的", "在", "对外"],
        ["ko"] = ["박장", "투자", "산업단지", "리치", "관광", "문화", "협력", "발전", "기업", "주민", "성", "해", "새로운", "에서", "대외"],
        ["ja"] = ["バクザン", "投資", "工業団地", "ライチ", "観光", "文化", "協力", "発展", "企業", "住民", "省", "年", "新しい", "の", "で", "対外"],
        ["lo"] = ["ບັກຢາງ", "ການລົງທຶນ", "ເຂດອຸດສາຫະກຳ", "ໝາກລີ້ນຈີ່", "ການທ່ອງທ່ຽວ", "ວັດທະນະທຳ", "ການຮ່ວມມື", "ການພັດທະນາ", "ວິສາຫະກິດ", "ປະຊາຊົນ", "ແຂວງ", "ປີ", "ໃໝ່"],
    };

    public static IReadOnlyList<string> Languages { get; } = ["vi", "en", "zh-Hans", "ko", "ja", "lo"];

    /// <summary>The title and Markdown body of article <paramref name="index"/> in a language.</summary>
    public (string Title, string Body) Article(int index, string language)
    {
        var random = new Random(HashCode.Combine(seed, index, language));
        var words = Words[language];
        var separator = language is "zh-Hans" or "ja" ? string.Empty : " ";
        var title = $"{string.Join(separator, Enumerable.Range(0, 6).Select(_ => words[random.Next(words.Length)]))} {index}";
        var body = new StringBuilder();
        body.Append("## ").AppendLine(string.Join(separator, Enumerable.Range(0, 4).Select(_ => words[random.Next(words.Length)]))).AppendLine();
        while (Encoding.UTF8.GetByteCount(body.ToString()) < 4096)
        {
            body.AppendLine(string.Join(separator, Enumerable.Range(0, 40).Select(_ => words[random.Next(words.Length)])) + ".").AppendLine();
        }

        return (title, body.ToString());
    }
}
