import { legalPage } from './page';

/** The terms of use of an Unplug deployment. */
export function termsPage(): string {
  return legalPage('Terms of use', `
<p>These terms cover your use of Unplug in Microsoft Teams. Unplug is run by your organisation on
its own server; your organisation's own policies for IT systems apply as well.</p>

<h2 id="purpose">What Unplug is for</h2>
<p>Unplug is a wellbeing aid: it helps you see your connect and disconnect balance and protect
time offline. It is not a monitoring tool. Its team balance shows combined figures only, and it
must not be used to assess, rank or discipline individuals.</p>

<h2 id="you">Your part</h2>
<ul>
  <li>Unplug acts only when you ask it to: blocks are booked when you accept them, and status
  changes happen only if you turn automatic status on.</li>
  <li>Check the blocks you book as you would any calendar event; you remain responsible for your
  calendar and your availability commitments.</li>
</ul>

<h2 id="software">The software</h2>
<p>Unplug is open-source software under the MIT licence, provided "as is", without warranty of
any kind. Suggestions are computed from your calendar, working hours and presence and may be
wrong, for example when your calendar is incomplete.</p>

<h2 id="availability">Availability and changes</h2>
<p>Your organisation decides whether Unplug is available, which features are on, and may change
or remove it. How your data is handled is described in the <a href="/privacy">privacy
statement</a>.</p>

<h2 id="contact">Contact</h2>
<p>For questions about Unplug or these terms, contact your organisation's IT administrators (shown as
the developer in the app's details in Teams).</p>
`);
}
