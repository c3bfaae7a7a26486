using ContentHub.Domain.Content;
using Microsoft.AspNetCore.OData.Edm;
using Microsoft.OData.Edm;
using Microsoft.OData.Edm.Csdl;
using Microsoft.OData.Edm.Vocabularies;
using Microsoft.OData.Edm.Vocabularies.V1;

namespace ContentHub.Api.Features.OData;

/// <summary>
/// The EDM model portals query: each entity is an item as seen in one language. <c>Articles</c>,
/// <c>Videos</c> and <c>PromoAssets</c> share the language-dependent properties; each navigates to
/// its <c>Category</c> and contains its <c>Files</c>. The container is annotated with the OData conformance level it meets.
/// </summary>
public static class PortalModel
{
    /// <summary>The schema namespace of the model's types.</summary>
    public const string Namespace = "ContentHub";

    private const string CapabilitiesNamespace = "Org.OData.Capabilities.V1";
    private const string AggregationNamespace = "Org.OData.Aggregation.V1";

    /// <summary>The <c>$apply</c> transformations the entry sets answer (declared in <c>Aggregation.ApplySupported</c>).</summary>
    public static IReadOnlyList<string> ApplyTransformations { get; } = ["aggregate", "groupby", "filter", "compute"];

    private static readonly string[] AssetTypes = ["Banner", "Brochure", "Infographic", "Photo", "Publication"];

    /// <summary>The model, built once: EDM models are immutable and safe to share.</summary>
    public static IEdmModel Instance { get; } = Build();

    /// <summary>Names of the entity sets, as they appear in URLs.</summary>
    public static class Sets
    {
        /// <summary>News and features.</summary>
        public const string Articles = "Articles";

        /// <summary>Videos, with their duration and hosted address.</summary>
        public const string Videos = "Videos";

        /// <summary>Banners, brochures, infographics, photos and publications.</summary>
        public const string PromoAssets = "PromoAssets";

        /// <summary>The categories entries are filed under, named in the served language.</summary>
        public const string Categories = "Categories";
    }

    /// <summary>
    /// Tells the package's binders which CLR types the queries run over: each of <paramref name="entryRows"/>
    /// stands for an entry (the join a query filters, the flat row it aggregates; one type serves all three
    /// entry sets), <paramref name="category"/> for a category, and <paramref name="assetType"/> is the enum
    /// the asset type is stored as. Called once at start-up, before any query; calling it again changes nothing.
    /// </summary>
    public static void MapClrTypes(IReadOnlyList<Type> entryRows, Type category, Type assetType)
    {
        lock (Instance)
        {
            Map("Category", category);
            Map("PromoAssetType", assetType);
            if (Instance.GetTypeMapper() is not EntryRowMapper)
            {
                Instance.SetTypeMapper(new EntryRowMapper(entryRows, Instance.FindDeclaredType(Namespace + ".Article")));
            }
        }
    }

    private static void Map(string typeName, Type clrType)
    {
        var type = Instance.FindDeclaredType(Namespace + "." + typeName);
        if (Instance.GetAnnotationValue<Microsoft.OData.ModelBuilder.ClrTypeAnnotation>(type)?.ClrType != clrType)
        {
            Instance.SetAnnotationValue(type, new Microsoft.OData.ModelBuilder.ClrTypeAnnotation(clrType));
        }
    }

    // The package maps one CLR type to one EDM type by annotation; an entry is queried as more than one CLR type.
    private sealed class EntryRowMapper(IReadOnlyList<Type> entryRows, IEdmSchemaType entry) : Microsoft.AspNetCore.OData.Edm.DefaultODataTypeMapper
    {
        public override IEdmTypeReference GetEdmTypeReference(IEdmModel edmModel, Type clrType) =>
            entryRows.Contains(clrType) ? new EdmEntityTypeReference((IEdmEntityType)entry, isNullable: false) : base.GetEdmTypeReference(edmModel, clrType);
    }

    private static EdmModel Build()
    {
        var model = new EdmModel();
        var category = new EdmEntityType(Namespace, "Category");
        category.AddKeys(category.AddStructuralProperty("Id", EdmPrimitiveTypeKind.Guid, isNullable: false));
        category.AddStructuralProperty("Slug", EdmPrimitiveTypeKind.String, isNullable: false);
        category.AddStructuralProperty("Name", EdmPrimitiveTypeKind.String, isNullable: false);
        category.AddStructuralProperty("Language", EdmPrimitiveTypeKind.String, isNullable: false);
        category.AddStructuralProperty("ParentId", EdmPrimitiveTypeKind.Guid, isNullable: true);
        model.AddElement(category);

        var assetType = new EdmEnumType(Namespace, "PromoAssetType");
        foreach (var (name, value) in AssetTypes.Select((name, value) => (name, value)))
        {
            assetType.AddMember(name, new EdmEnumMemberValue(value));
        }

        model.AddElement(assetType);

        var file = new EdmEntityType(Namespace, "File");
        foreach (var field in FileFields.All)
        {
            var property = file.AddStructuralProperty(field.Name, field.Type, field.Nullable);
            if (field.Name == "Id")
            {
                file.AddKeys(property);
            }
        }

        model.AddElement(file);

        var article = Entry(model, "Article", ContentKind.Article, category, assetType, file);
        var video = Entry(model, "Video", ContentKind.Video, category, assetType, file);
        var promo = Entry(model, "PromoAsset", ContentKind.PromoAsset, category, assetType, file);

        var container = new EdmEntityContainer(Namespace, "Container");
        var categories = container.AddEntitySet(Sets.Categories, category);
        foreach (var (name, type) in new[] { (Sets.Articles, article), (Sets.Videos, video), (Sets.PromoAssets, promo) })
        {
            var set = container.AddEntitySet(name, type);
            set.AddNavigationTarget((IEdmNavigationProperty)type.FindProperty("Category"), categories);
        }

        model.AddElement(container);
        AnnotateConformance(model, container);
        AnnotateAggregation(model, container.EntitySets().Where(set => set.Name != Sets.Categories));
        model.SetEdmxVersion(EdmConstants.EdmVersion401);
        return model;
    }

    // An entry type: the fields EntryFields declares for its kind, in their order, with the Category navigation
    // after the fields every kind has (where it has always been in the CSDL), and its Files (contained: they
    // are the entry's, in its language, and have no entity set of their own) after the kind's own fields.
    private static EdmEntityType Entry(EdmModel model, string name, ContentKind kind, EdmEntityType category, IEdmEnumType assetType, EdmEntityType file)
    {
        var type = new EdmEntityType(Namespace, name);
        foreach (var field in EntryFields.All.Where(f => f.Kind is null))
        {
            Add(model, type, field, assetType);
        }

        type.AddUnidirectionalNavigation(new EdmNavigationPropertyInfo
        {
            Name = "Category",
            Target = category,
            TargetMultiplicity = EdmMultiplicity.One,
        });
        foreach (var field in EntryFields.All.Where(f => f.Kind == kind))
        {
            Add(model, type, field, assetType);
        }

        type.AddUnidirectionalNavigation(new EdmNavigationPropertyInfo
        {
            Name = Expansions.FilesName,
            Target = file,
            TargetMultiplicity = EdmMultiplicity.Many,
            ContainsTarget = true,
        });
        model.AddElement(type);
        return type;
    }

    private static void Add(EdmModel model, EdmEntityType type, EntryFields.Field field, IEdmEnumType assetType)
    {
        var edm = field.Edm;
        IEdmTypeReference element = edm.Primitive is { } primitive
            ? EdmCoreModel.Instance.GetPrimitive(primitive, isNullable: edm.Nullable && !edm.Collection)
            : new EdmEnumTypeReference(assetType, isNullable: edm.Nullable);
        var property = type.AddStructuralProperty(field.Name, edm.Collection ? new EdmCollectionTypeReference(new EdmCollectionType(element)) : element);
        if (field.Name == "Id")
        {
            type.AddKeys(property);
        }

        if (edm.Tag)
        {
            DescribeAsTag(model, property);
        }
    }

    /// <summary>What a portal's developer must know of a language property: it holds tags, compared as tags, which plain OData strings are not.</summary>
    public const string LanguageTagDescription =
        "A BCP 47 language tag: vi, en, zh-Hans, ko, ja or lo. Compared as a tag, not as a string: case-insensitively and with aliases " +
        "(zh and zh-CN mean zh-Hans) in eq, ne and in, so Language eq 'EN' matches en; an unknown tag is a 400. String functions, ordering and other comparisons see the canonical tag.";

    private static void DescribeAsTag(EdmModel model, IEdmStructuralProperty property)
    {
        var annotation = new EdmVocabularyAnnotation(property, CoreVocabularyModel.DescriptionTerm, new EdmStringConstant(LanguageTagDescription));
        annotation.SetSerializationLocation(model, EdmVocabularyAnnotationSerializationLocation.Inline);
        model.SetVocabularyAnnotation(annotation);
    }

    // Aggregation.ApplySupported on each entry set: which transformations $apply takes, no rollup. The term and the
    // two members of its type used here are declared in a small referenced model, as for Capabilities below.
    private static void AnnotateAggregation(EdmModel model, IEnumerable<IEdmEntitySet> sets)
    {
        var vocabulary = new EdmModel();
        var rollup = new EdmEnumType(AggregationNamespace, "RollupType");
        var none = rollup.AddMember("None", new EdmEnumMemberValue(0));
        rollup.AddMember("SingleHierarchy", new EdmEnumMemberValue(1));
        rollup.AddMember("MultipleHierarchies", new EdmEnumMemberValue(2));
        vocabulary.AddElement(rollup);
        var supported = new EdmComplexType(AggregationNamespace, "ApplySupportedType");
        supported.AddStructuralProperty("Transformations", new EdmCollectionTypeReference(new EdmCollectionType(EdmCoreModel.Instance.GetString(isNullable: false))));
        supported.AddStructuralProperty("Rollup", new EdmEnumTypeReference(rollup, isNullable: false));
        vocabulary.AddElement(supported);
        var term = new EdmTerm(AggregationNamespace, "ApplySupported", new EdmComplexTypeReference(supported, isNullable: false), "EntityType EntitySet");
        vocabulary.AddElement(term);
        model.AddReferencedModel(vocabulary);

        foreach (var set in sets)
        {
            var value = new EdmRecordExpression(
                new EdmPropertyConstructor("Transformations", new EdmCollectionExpression(ApplyTransformations.Select(t => (IEdmExpression)new EdmStringConstant(t)))),
                new EdmPropertyConstructor("Rollup", new EdmEnumMemberExpression(none)));
            var annotation = new EdmVocabularyAnnotation(set, term, value);
            annotation.SetSerializationLocation(model, EdmVocabularyAnnotationSerializationLocation.Inline);
            model.SetVocabularyAnnotation(annotation);
        }
    }

    // EdmLib 7.7 keeps its copy of the Capabilities vocabulary internal, so the one term used here is
    // declared in a small referenced model, and the CSDL references the published vocabulary.
    private static void AnnotateConformance(EdmModel model, EdmEntityContainer container)
    {
        var vocabulary = new EdmModel();
        var levelType = new EdmEnumType(CapabilitiesNamespace, "ConformanceLevelType");
        levelType.AddMember("Minimal", new EdmEnumMemberValue(0));
        var intermediate = levelType.AddMember("Intermediate", new EdmEnumMemberValue(1));
        levelType.AddMember("Advanced", new EdmEnumMemberValue(2));
        vocabulary.AddElement(levelType);
        var term = new EdmTerm(CapabilitiesNamespace, "ConformanceLevel", new EdmEnumTypeReference(levelType, isNullable: false), "EntityContainer");
        vocabulary.AddElement(term);
        var batchType = new EdmComplexType(CapabilitiesNamespace, "BatchSupportType");
        batchType.AddStructuralProperty("Supported", EdmPrimitiveTypeKind.Boolean, isNullable: false);
        batchType.AddStructuralProperty("ReferencesInRequestBodiesSupported", EdmPrimitiveTypeKind.Boolean, isNullable: false);
        batchType.AddStructuralProperty("SupportedFormats", new EdmCollectionTypeReference(new EdmCollectionType(EdmCoreModel.Instance.GetString(isNullable: false))));
        vocabulary.AddElement(batchType);
        var batchTerm = new EdmTerm(CapabilitiesNamespace, "BatchSupport", new EdmComplexTypeReference(batchType, isNullable: false), "EntityContainer");
        vocabulary.AddElement(batchTerm);
        model.AddReferencedModel(vocabulary);

        var reference = new EdmReference(new Uri("https://oasis-tcs.github.io/odata-vocabularies/vocabularies/Org.OData.Capabilities.V1.xml"));
        reference.AddInclude(new EdmInclude("Capabilities", CapabilitiesNamespace));
        var core = new EdmReference(new Uri("https://oasis-tcs.github.io/odata-vocabularies/vocabularies/Org.OData.Core.V1.xml"));
        core.AddInclude(new EdmInclude("Core", "Org.OData.Core.V1"));
        var aggregation = new EdmReference(new Uri("https://oasis-tcs.github.io/odata-vocabularies/vocabularies/Org.OData.Aggregation.V1.xml"));
        aggregation.AddInclude(new EdmInclude("Aggregation", AggregationNamespace));
        model.SetEdmReferences([reference, core, aggregation]);

        var annotation = new EdmVocabularyAnnotation(container, term, new EdmEnumMemberExpression(intermediate));
        annotation.SetSerializationLocation(model, EdmVocabularyAnnotationSerializationLocation.Inline);
        model.SetVocabularyAnnotation(annotation);

        // $batch in the JSON format only (no multipart), with no references between requests: the service is read-only.
        var batch = new EdmVocabularyAnnotation(container, batchTerm, new EdmRecordExpression(
            new EdmPropertyConstructor("Supported", new EdmBooleanConstant(true)),
            new EdmPropertyConstructor("ReferencesInRequestBodiesSupported", new EdmBooleanConstant(false)),
            new EdmPropertyConstructor("SupportedFormats", new EdmCollectionExpression(new EdmStringConstant("application/json")))));
        batch.SetSerializationLocation(model, EdmVocabularyAnnotationSerializationLocation.Inline);
        model.SetVocabularyAnnotation(batch);
    }
}
