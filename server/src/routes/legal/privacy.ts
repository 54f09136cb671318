import { DEFAULT_ORG_POLICY, MIN_GROUP_SIZE_FLOOR } from '../../domain/defaults';
import { legalPage } from './page';

/** The privacy statement: what Unplug reads, stores, never stores, writes, and for how long. */
export function privacyPage(): string {
  const retentionDays = DEFAULT_ORG_POLICY.presenceRetentionDays;
  return legalPage('Privacy statement', `
<p>Unplug shows your connect and disconnect balance, suggests protected offline time, and books
the blocks you accept in your calendar. This statement says what it reads, what it keeps, and
what it never keeps.</p>

<h2 id="who">Who runs Unplug</h2>
<p>Unplug is run by your organisation on its own server, not by a separate service provider. Your
data stays in your organisation's Microsoft 365 tenant and in the database of that server. The
organisation is shown as the developer in the app's details in Teams; your IT administrators are
the people to contact about this statement or your data.</p>

<h2 id="reads">What Unplug reads from Microsoft 365</h2>
<p>Only while you use the Unplug tab, and only on your behalf (with your sign-in), Unplug reads
through Microsoft Graph:</p>
<ul>
  <li><strong>Your calendar</strong>: for each event its start and end, whether it shows you as busy,
  tentative, free or out of office, whether it is all-day or cancelled, your response, and whether it is an
  Unplug block. It does <strong>not</strong> request subjects, bodies, attendees or locations.</li>
  <li><strong>Your mailbox settings</strong>: your working hours and time zone.</li>
  <li><strong>Your presence</strong>: availability and activity (for example Available, Busy, Away).</li>
  <li><strong>Your basic profile</strong> to sign you in.</li>
</ul>
<p>If your organisation turns on the presence timeline and you opt in, Unplug also samples your
presence every few minutes while you work, because Microsoft 365 keeps no presence history.</p>

<h2 id="stores">What Unplug stores</h2>
<p>People are identified by their tenant id and object id. Unplug stores:</p>
<ul>
  <li>your <strong>preferences</strong>: daily target, block lengths, preferred times, the subject and
  free/busy status of booked blocks, quiet-time windows and whether automatic status is on;</li>
  <li>the <strong>suggestions you acted on</strong>: accepted or dismissed, their start and end, and the
  calendar event id of each block you booked;</li>
  <li>a <strong>presence timeline</strong> (availability, activity, start and end) if you opted in;</li>
  <li>which <strong>teams</strong> you opted in to count towards a team balance, and when;</li>
  <li>which <strong>nudges</strong> you turned on, and for each nudge sent its kind, date and whether
  Teams accepted it (not its text);</li>
  <li>your organisation's <strong>settings</strong>, and an <strong>audit log</strong> of administrators'
  changes to them (who, what, when).</li>
</ul>

<h2 id="never">What Unplug never stores</h2>
<ul>
  <li>Event subjects, bodies, attendees or locations.</li>
  <li>Chat messages, emails or any other message content.</li>
  <li>Your Microsoft sign-in tokens: they are used in memory for the request and never written to the
  database or to logs.</li>
</ul>
<p>Unplug has no advertising and sends nothing to analytics or tracking services.</p>

<h2 id="writes">What Unplug changes</h2>
<ul>
  <li>When you accept a suggested block, Unplug creates that one event in your calendar (by default
  called "Unplugged", with no reminder). It never moves or deletes your other events.</li>
  <li>If you turn on automatic status, Unplug sets an expiring status message, and optionally your
  presence, at the start of a protected block or quiet time, and clears it at the end. Your own
  status choices always win.</li>
  <li>If you turn on nudges, Unplug posts short notices to your Teams activity feed: at most one of
  each kind a day, never in your quiet time or outside your working hours (except the notice that
  quiet time starts).</li>
</ul>

<h2 id="team">Team balance</h2>
<p>A channel tab shows a team's combined balance only, never any one person's, and only when at
least ${MIN_GROUP_SIZE_FLOOR} members (or more, if your organisation sets a higher minimum) have
opted in.</p>

<h2 id="retention">How long data is kept</h2>
<ul>
  <li>Presence timeline: ${retentionDays} days unless your organisation sets another period; older
  entries are deleted.</li>
  <li>Records of nudges sent: 8 days.</li>
  <li>Preferences, suggestion records and team opt-ins: until you delete your data, or your
  organisation removes Unplug and its data.</li>
  <li>The audit log of administrators' changes: until your organisation removes Unplug's data. If
  an administrator deletes their own data, their entries stay but no longer name them.</li>
  <li>Blocks booked in your calendar are ordinary events in your calendar: they stay there until
  you delete them.</li>
</ul>

<h2 id="choices">Your choices</h2>
<p>The Privacy view in the Unplug tab shows what is stored about you, lets you export it, and
lets you delete it. Presence sampling, automatic status, nudges and team balance are each off
until you opt in. You can stop using Unplug at any time by removing the app in Teams.</p>
`);
}
