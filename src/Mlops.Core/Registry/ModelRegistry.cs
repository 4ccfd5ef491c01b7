using Mlops.Core.Models;
using Mlops.Core.Registry.Catalog;

namespace Mlops.Core.Registry;

/// <summary>
/// The model registry: models and data versioned outside git, by content hash, with lineage and a
/// promotion gate. By default everything lives under one home folder (<see cref="RegistryHome"/>): a
/// SQLite catalog plus the stored files; with <c>MLOPS_REGISTRY=postgres:…</c> (<see cref="RegistryLocation"/>)
/// the catalog and the content are in PostgreSQL and the home folder is a verified local cache. Safe to use from several processes at once; every method opens
/// and closes its own (pooled) connection, so an instance can be kept for the life of a service.
/// </summary>
/// <remarks>
/// Errors caused by the caller's input — an unknown version, a folder that is not a model, a
/// corrupted artifact, an impossible stage change — are <see cref="InvalidInputException"/>s with a
/// one-line message. A refused promotion is not an error: see <see cref="PromotionResult"/>.
/// </remarks>
public sealed partial class ModelRegistry
{
    private readonly RegistryCatalog _catalog;
    private readonly ModelArtifactStore _artifacts;
    private readonly DatasetFileStore _datasets;
    private readonly TimeProvider _time;
    private readonly string _user;

    private ModelRegistry(RegistryLocation location, TimeProvider time, string user)
    {
        var layout = new RegistryLayout(location.Home);
        layout.CreateFolders();
        Home = layout.Home;
        Location = location;
        var (catalog, shared) = location.OpenStores(layout);
        _catalog = catalog;
        _artifacts = new ModelArtifactStore(layout, shared);
        _datasets = new DatasetFileStore(layout, shared);
        _time = time;
        _user = user;
    }

    /// <summary>The registry's home folder (absolute): the whole registry, or the local cache of a PostgreSQL one.</summary>
    public string Home { get; }

    /// <summary>Where the registry lives.</summary>
    public RegistryLocation Location { get; }

    /// <summary>Opens (creating if needed) the SQLite registry in <paramref name="home"/>.</summary>
    /// <param name="home">The registry folder.</param>
    /// <param name="time">The clock for recorded times; the system clock by default.</param>
    /// <param name="user">Who is recorded as acting; the operating-system user by default.</param>
    public static ModelRegistry Open(string home, TimeProvider? time = null, string? user = null)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(home);
        return Open(new RegistryLocation(home), time, user);
    }

    /// <summary>Opens (creating if needed) the registry at <paramref name="location"/>.</summary>
    /// <param name="location">SQLite in a folder, or PostgreSQL with a local cache folder.</param>
    /// <param name="time">The clock for recorded times; the system clock by default.</param>
    /// <param name="user">Who is recorded as acting; the operating-system user by default.</param>
    public static ModelRegistry Open(RegistryLocation location, TimeProvider? time = null, string? user = null)
    {
        ArgumentNullException.ThrowIfNull(location);
        return new ModelRegistry(location, time ?? TimeProvider.System, string.IsNullOrWhiteSpace(user) ? Environment.UserName : user);
    }

    /// <summary>Opens the registry named by <c>$MLOPS_REGISTRY</c> and <c>$MLOPS_HOME</c> (see <see cref="RegistryLocation.Resolve"/>).</summary>
    public static ModelRegistry OpenDefault() => Open(RegistryLocation.Resolve());

    /// <summary>
    /// Registers the model folder <paramref name="modelFolder"/> (<c>model.json</c> plus model files,
    /// which are opaque bytes here). The folder is stored by content hash; registering the same content
    /// again stores nothing and returns the same version with <see cref="ModelRegistration.AlreadyRegistered"/>.
    /// New versions start as <see cref="ModelStage.Candidate"/>.
    /// </summary>
    /// <exception cref="InvalidModelFolderException">
    /// The folder is missing, its card fails <see cref="ModelCardFile.Read"/>'s checks, or its model file
    /// is not the one the card pins (<see cref="ModelFileCheck"/>): what a loader would refuse is not registered.
    /// </exception>
    public ModelRegistration Register(string modelFolder)
    {
        ArgumentNullException.ThrowIfNull(modelFolder);
        CheckModelFolder(modelFolder);
        // Before anything is copied: a link or special file in the folder stops the registration.
        var manifest = ArtifactManifest.OfFolder(modelFolder);
        var stored = _artifacts.Store(modelFolder, manifest);
        // The card as stored: what every later reader of this version will see.
        var card = CheckModelFolder(stored);
        return _catalog.Write(session =>
        {
            if (ModelVersionRows.ByArtifact(session, manifest.Sha256) is { } existing)
            {
                return new ModelRegistration(existing, AlreadyRegistered: true);
            }

            var model = new ModelVersion
            {
                // MAX + 1 under the write lock: gap-free, whichever database (see PostgresCatalog).
                Number = ModelVersionRows.NextNumber(session),
                Problem = card.ProblemOrInsurance.Name,
                Stage = ModelStage.Candidate,
                ArtifactSha256 = manifest.Sha256,
                FileCount = manifest.Files.Count,
                SizeBytes = manifest.SizeBytes,
                RegisteredAt = _time.GetUtcNow(),
                RegisteredBy = _user,
                Card = card,
            };
            ModelVersionRows.Insert(session, model, manifest);
            StageChangeRows.Append(
                session, model.Number, StageAction.Registered, null, ModelStage.Candidate, null, _user, model.RegisteredAt, ProductionRows.Revision(session, model.Problem));
            return new ModelRegistration(model, AlreadyRegistered: false);
        });
    }

    /// <summary>Every registered version, oldest first.</summary>
    public IReadOnlyList<ModelVersion> List() => _catalog.Read(ModelVersionRows.All);

    /// <summary>
    /// The version named by <paramref name="version"/>: <c>vN</c>, a unique prefix (4+ hex digits) of
    /// its artifact hash, <c>production</c> (of <paramref name="problem"/>, or the only problem) or <c>production:NAME</c>.
    /// </summary>
    /// <exception cref="UnknownModelVersionException">No such version, or the prefix is ambiguous.</exception>
    /// <exception cref="AmbiguousProblemException"><c>production</c> without a problem in a registry of several.</exception>
    public ModelVersion Get(string version, string? problem = null) => _catalog.Read(session => VersionResolver.Resolve(session, version, problem));

    /// <summary>
    /// The problem a stage command means: <paramref name="problem"/> if given, else the only problem
    /// with a production model, else the only problem with models (insurance in an empty registry).
    /// </summary>
    /// <exception cref="AmbiguousProblemException">None given and several are candidates.</exception>
    public string ProblemOf(string? problem) => _catalog.Read(session => ProblemScope.Resolve(session, problem));

    /// <summary>The version whose artifact has this content hash (see <see cref="ArtifactManifest.Sha256"/>), or null.</summary>
    public ModelVersion? FindByArtifact(string artifactSha256)
    {
        ArgumentNullException.ThrowIfNull(artifactSha256);
        return _catalog.Read(session => ModelVersionRows.ByArtifact(session, artifactSha256.ToLowerInvariant()));
    }

    /// <summary>The registered version whose content equals the folder <paramref name="modelFolder"/> (any copy of it), or null.</summary>
    public ModelVersion? FindByFolder(string modelFolder) => FindByArtifact(ManifestOf(modelFolder).Sha256);

    /// <summary>
    /// The stored model folder of <paramref name="version"/>, after checking every file against its
    /// recorded SHA-256. Load the model from <see cref="ModelArtifact.Path"/>; do not change files there.
    /// </summary>
    /// <exception cref="ArtifactCorruptedException">A file is missing, changed or added.</exception>
    public ModelArtifact Load(string version)
    {
        var (model, manifest) = _catalog.Read(session =>
        {
            var model = VersionResolver.Resolve(session, version);
            return (model, ModelVersionRows.Manifest(session, model.ArtifactSha256));
        });
        return new ModelArtifact(model, _artifacts.Verified(model.ArtifactSha256, manifest, Label(model)));
    }

    /// <summary>
    /// Copies <paramref name="version"/> into the new folder <paramref name="destination"/>, verifying
    /// the stored files and the copy. The copy appears whole or not at all.
    /// </summary>
    /// <exception cref="ArtifactCorruptedException">The stored artifact does not match its hashes.</exception>
    public ModelArtifact CheckOut(string version, string destination)
    {
        ArgumentNullException.ThrowIfNull(destination);
        var (model, manifest) = _catalog.Read(session =>
        {
            var model = VersionResolver.Resolve(session, version);
            return (model, ModelVersionRows.Manifest(session, model.ArtifactSha256));
        });
        _artifacts.CheckOut(model.ArtifactSha256, manifest, destination, Label(model));
        return new ModelArtifact(model, Path.GetFullPath(destination));
    }

    /// <summary>
    /// Where <paramref name="version"/> came from and what happened to it: card (trainer, parameters,
    /// metrics), training data (registered or not, with statistics), every validation, stage history and gate verdict.
    /// </summary>
    public ModelLineage Lineage(string version) => _catalog.Read(session =>
    {
        var model = VersionResolver.Resolve(session, version);
        var training = new TrainingDataLineage(
            model.Card.TrainingDataFile,
            model.Card.TrainingDataSha256,
            DatasetRows.BySha(session, model.Card.TrainingDataSha256.ToLowerInvariant()));
        var validations = ValidationRows.Of(session, model.Number);
        var gate = PromotionGate.Evaluate(model.Version, validations.LastOrDefault());
        return new ModelLineage(model, training, validations, StageChangeRows.Of(session, model.Number), gate);
    });

    private static ArtifactManifest ManifestOf(string modelFolder)
    {
        ArgumentNullException.ThrowIfNull(modelFolder);
        return Directory.Exists(modelFolder)
            ? ArtifactManifest.OfFolder(modelFolder)
            : throw new InvalidModelFolderException($"{modelFolder}: model folder not found");
    }

    /// <summary>The loaders' checks of card and model file (the ML.NET model itself stays opaque bytes here).</summary>
    private static ModelCard CheckModelFolder(string folder)
    {
        try
        {
            var card = ModelCardFile.Read(folder);
            ModelFileCheck.Verify(folder, card);
            return card;
        }
        catch (ModelFormatException e)
        {
            throw new InvalidModelFolderException(e.Message, e);
        }
    }

    private static string Label(ModelVersion model) => $"{model.Version} (artifact {ArtifactManifest.Abbreviate(model.ArtifactSha256)})";
}
