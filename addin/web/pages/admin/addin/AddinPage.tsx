import { Button, Subtitle2, Text, Title2, makeStyles, tokens } from '@fluentui/react-components';
import { ArrowDownloadRegular } from '@fluentui/react-icons';
import { addinEndpoints } from '../../../../../shared/api/addin';
import type { AddinInstallation } from '../../../../../shared/schemas/addin';
import { useApi } from '../../../../ui/hooks/useApi';
import { useAsync } from '../../../../ui/hooks/useAsync';
import { LoadingState, ProblemNote } from '../../../../ui/StatusViews';
import { AdminError } from '../AdminError';
import { addinPageStrings as text } from './strings';

const useStyles = makeStyles({
  page: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalL, maxWidth: '760px' },
  title: { margin: 0 },
  panel: {
    display: 'flex',
    flexDirection: 'column',
    gap: tokens.spacingVerticalS,
    padding: tokens.spacingHorizontalL,
    borderRadius: tokens.borderRadiusLarge,
    backgroundColor: tokens.colorNeutralBackground1,
    boxShadow: tokens.shadow2,
  },
  code: {
    fontFamily: tokens.fontFamilyMonospace,
    overflowWrap: 'anywhere',
    whiteSpace: 'pre-wrap',
  },
  steps: { margin: 0, paddingLeft: tokens.spacingHorizontalXL },
  download: { alignSelf: 'flex-start' },
});

/** The manifest download is a plain same-origin link: the session cookie travels with it. */
const DOWNLOAD_URL = `/api${addinEndpoints.manifestDownload.path}`;

/** Route `/admin/addin`: the manifest to download, the sideloading steps, and an http warning. */
export function AddinPage() {
  const styles = useStyles();
  const api = useApi();
  const { state, retry } = useAsync('addin-installation', (signal) =>
    api.call(addinEndpoints.installation, { signal }),
  );
  return (
    <section className={styles.page} aria-labelledby="addin-title">
      <Title2 as="h1" id="addin-title" className={styles.title}>
        {text.title}
      </Title2>
      <Text>{text.intro}</Text>
      {state.status === 'loading' ? <LoadingState /> : null}
      {state.status === 'error' ? <AdminError error={state.error} onRetry={retry} /> : null}
      {state.status === 'success' ? <Installation facts={state.data} /> : null}
    </section>
  );
}

function Installation({ facts }: { facts: AddinInstallation }) {
  const styles = useStyles();
  return (
    <>
      {facts.scheme === 'http' ? (
        <ProblemNote intent="warning" title={text.httpWarningTitle} text={text.httpWarning(facts.publicUrl)} />
      ) : null}
      <div className={styles.panel}>
        <Button
          as="a"
          href={DOWNLOAD_URL}
          download="roomserve-manifest.xml"
          appearance="primary"
          icon={<ArrowDownloadRegular />}
          className={styles.download}
        >
          {text.download}
        </Button>
        <Text>
          {text.manifestUrl}: <span className={styles.code}>{facts.manifestUrl}</span>
        </Text>
      </div>
      <div className={styles.panel}>
        <Subtitle2 as="h2">{text.stepsTitle}</Subtitle2>
        <Text weight="semibold">{text.oneUserTitle}</Text>
        <ol className={styles.steps}>
          {text.oneUserSteps.map((step) => (
            <li key={step}>{step}</li>
          ))}
        </ol>
        <Text weight="semibold">{text.everybodyTitle}</Text>
        <ol className={styles.steps}>
          {text.everybodySteps.map((step) => (
            <li key={step}>{step}</li>
          ))}
        </ol>
        <Text>{text.shellIntro}</Text>
        <code className={styles.code}>{text.shellCommand(facts.manifestUrl)}</code>
      </div>
    </>
  );
}
