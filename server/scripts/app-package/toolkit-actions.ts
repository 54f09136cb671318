/**
 * The actions a `teamsapp.yml` (yaml schema v1.8, Microsoft 365 Agents Toolkit / Teams Toolkit)
 * may use, with the keys each accepts under `with` and `writeToEnvironmentFile`. Taken from the
 * Toolkit's published yaml schema (`packages/fx-core/resource/yaml-schema/v1.8/yaml.schema.json`
 * in OfficeDev/teams-toolkit); see https://aka.ms/teamsfx-actions.
 */
export interface ActionShape {
  with: { required: readonly string[]; optional: readonly string[] };
  /** Absent: the action writes nothing to the environment file. */
  writes?: { required: readonly string[]; optional: readonly string[] };
}

export const TOOLKIT_YAML_VERSION = 'v1.8';

const none: readonly string[] = [];

export const TOOLKIT_ACTIONS: Readonly<Record<string, ActionShape>> = {
  'aadApp/create': {
    with: { required: ['name', 'generateClientSecret', 'signInAudience'], optional: ['serviceManagementReference', 'clientSecretExpireDays', 'clientSecretDescription'] },
    writes: { required: ['clientId', 'objectId'], optional: ['clientSecret', 'tenantId', 'authority', 'authorityHost'] },
  },
  'aadApp/update': { with: { required: ['manifestPath', 'outputFilePath'], optional: none } },
  'arm/deploy': { with: { required: ['subscriptionId', 'resourceGroupName', 'templates'], optional: ['bicepCliVersion'] } },
  'azureStorage/enableStaticWebsite': { with: { required: ['storageResourceId'], optional: ['indexPage', 'errorPage'] } },
  'azureStorage/deploy': { with: { required: ['artifactFolder', 'resourceId'], optional: ['workingDirectory', 'ignoreFile'] } },
  'azureAppService/zipDeploy': { with: { required: ['artifactFolder', 'resourceId'], optional: ['workingDirectory', 'ignoreFile', 'dryRun', 'outputZipFile'] } },
  'azureFunctions/zipDeploy': { with: { required: ['artifactFolder', 'resourceId'], optional: ['workingDirectory', 'ignoreFile', 'dryRun', 'outputZipFile'] } },
  'azureStaticWebApps/getDeploymentToken': { with: { required: ['resourceId'], optional: none }, writes: { required: ['deploymentToken'], optional: none } },
  'cli/runNpmCommand': { with: { required: ['args'], optional: ['workingDirectory'] } },
  'cli/runNpxCommand': { with: { required: ['args'], optional: ['workingDirectory'] } },
  'cli/runDotnetCommand': { with: { required: ['args'], optional: ['workingDirectory', 'execPath'] } },
  'teamsApp/create': { with: { required: ['name'], optional: none }, writes: { required: ['teamsAppId'], optional: none } },
  'teamsApp/validateManifest': { with: { required: ['manifestPath'], optional: none } },
  'teamsApp/validateAppPackage': { with: { required: ['appPackagePath'], optional: none } },
  'teamsApp/validateWithTestCases': { with: { required: ['appPackagePath'], optional: ['showMessage', 'showProgressBar'] } },
  'teamsApp/zipAppPackage': { with: { required: ['manifestPath', 'outputZipPath', 'outputFolder'], optional: none } },
  'teamsApp/update': { with: { required: ['appPackagePath'], optional: none } },
  'teamsApp/publishAppPackage': { with: { required: ['appPackagePath'], optional: none }, writes: { required: ['publishedAppId'], optional: none } },
  'teamsApp/extendToM365': { with: { required: ['appPackagePath'], optional: none }, writes: { required: ['titleId', 'appId'], optional: none } },
  'teamsApp/copyAppPackageToSPFx': { with: { required: ['appPackagePath', 'spfxFolder'], optional: none } },
  'botAadApp/create': { with: { required: ['name'], optional: none }, writes: { required: ['botId', 'botPassword'], optional: none } },
  'botFramework/create': { with: { required: ['botId', 'name', 'messagingEndpoint'], optional: ['description', 'iconUrl', 'channels'] } },
  'file/createOrUpdateEnvironmentFile': { with: { required: ['envs', 'target'], optional: none } },
  'file/createOrUpdateJsonFile': { with: { required: ['target'], optional: ['appsettings', 'content'] } },
  'devTool/install': { with: { required: none, optional: ['devCert', 'func', 'dotnet', 'testTool'] }, writes: { required: none, optional: ['sslCertFile', 'sslKeyFile', 'funcPath', 'dotnetPath'] } },
  'spfx/deploy': { with: { required: ['packageSolutionPath'], optional: ['createAppCatalogIfNotExist'] } },
  script: { with: { required: ['run'], optional: ['workingDirectory', 'shell', 'timeout', 'redirectTo'] } },
  'apiKey/register': { with: { required: ['name', 'appId', 'apiSpecPath'], optional: ['primaryClientSecret', 'secondaryClientSecret', 'applicableToApps', 'targetAudience'] }, writes: { required: ['registrationId'], optional: none } },
  'apiKey/update': { with: { required: ['name', 'appId', 'apiSpecPath', 'registrationId'], optional: ['applicableToApps', 'targetAudience'] } },
  'oauth/register': { with: { required: ['name', 'appId', 'apiSpecPath', 'flow'], optional: ['applicableToApps', 'targetAudience', 'clientId', 'clientSecret', 'refreshUrl', 'isPKCEEnabled', 'identityProvider'] }, writes: { required: ['configurationId'], optional: ['applicationIdUri'] } },
};

/** Keys every action may have besides its own. */
export const COMMON_STEP_KEYS: readonly string[] = ['uses', 'name', 'env', 'with', 'writeToEnvironmentFile'];

/** The Toolkit's lifecycle sections. */
export const LIFECYCLES: readonly string[] = ['provision', 'deploy', 'publish'];

/** Variables the Toolkit itself provides in every environment. */
export const BUILT_IN_VARIABLES: readonly string[] = ['TEAMSFX_ENV', 'AZURE_SUBSCRIPTION_ID', 'AZURE_RESOURCE_GROUP_NAME', 'APP_NAME_SUFFIX'];
