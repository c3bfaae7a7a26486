using ContentHub.Domain.Languages;
using Microsoft.EntityFrameworkCore.Storage.ValueConversion;

namespace ContentHub.Data;

/// <summary>Stores a language as its canonical BCP 47 tag.</summary>
public sealed class LanguageTagConverter() : ValueConverter<LanguageTag, string>(tag => tag.Code, code => LanguageTag.Parse(code));
