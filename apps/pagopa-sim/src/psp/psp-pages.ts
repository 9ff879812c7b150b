import { formatNoticeNumber } from '@pagamenti/pagopa';
import { escapeHtml as e, euro } from '../http';
import { type PaymentOutcome } from '../node/payment-service';
import { page } from '../pages/layout';
import { type RegistryEntity } from '../registry/node-registry';
import { describeFee, PSPS } from './psps';

/** The "pay a notice at a PSP" form, with the fault injection options. */
export function pspFormPage(entities: RegistryEntity[], problem?: string): string {
  const entityOptions = entities
    .map((entity) => `<option value="${entity.fiscalCode}">${e(entity.name)} (${entity.fiscalCode})</option>`)
    .join('');
  const pspOptions = PSPS.map(
    (psp) =>
      `<option value="${psp.idPSP}">${e(psp.companyName)} — ${e(psp.channelDescription)}, ${e(describeFee(psp))}</option>`,
  ).join('');
  return page(
    'Paga un avviso presso un PSP',
    `<h1>Paga un avviso presso un PSP</h1>
<p>Il nodo simulato esegue verifica, attivazione e invio della ricevuta verso la stazione della piattaforma, come farebbe
uno sportello bancario, un ufficio postale o un’app.</p>
${problem ? `<div class="alert" role="alert"><p>${e(problem)}</p></div>` : ''}
<form method="post" action="/psp">
<div class="field"><label for="noticeNumber">Codice avviso (18 cifre)</label>
<input type="text" id="noticeNumber" name="noticeNumber" inputmode="numeric" autocomplete="off" aria-describedby="noticeNumber-hint">
<p class="hint" id="noticeNumber-hint">Si può scrivere con gli spazi, come è stampato sull’avviso.</p></div>
<div class="field"><label for="fiscalCode">Ente creditore</label>
<select id="fiscalCode" name="fiscalCode"><option value="">Ricava dal codice avviso</option>${entityOptions}</select></div>
<div class="field"><label for="psp">PSP</label><select id="psp" name="psp">${pspOptions}</select></div>
<fieldset><legend>Chi paga (facoltativo)</legend>
<div class="field"><label for="payerFiscalCode">Codice fiscale</label><input type="text" id="payerFiscalCode" name="payerFiscalCode" autocomplete="off"></div>
<div class="field"><label for="payerName">Nome e cognome</label><input type="text" id="payerName" name="payerName" autocomplete="name"></div>
<div class="field"><label for="payerEmail">E-mail</label><input type="email" id="payerEmail" name="payerEmail" autocomplete="email"></div>
</fieldset>
<fieldset><legend>Guasti simulati (per i test)</legend>
<div class="field"><label for="slowStationMs">Timeout del nodo verso la stazione (ms)</label>
<input type="number" id="slowStationMs" name="slowStationMs" min="1" aria-describedby="slow-hint">
<p class="hint" id="slow-hint">Vuoto: 7000 per verifica e attivazione, 15000 per la ricevuta. Le latenze sono sempre misurate.</p></div>
<div class="field"><label for="duplicateReceipts">Reinvii della stessa ricevuta</label><input type="number" id="duplicateReceipts" name="duplicateReceipts" min="1" max="100"></div>
<div class="field"><label for="lateReceiptSeconds">Ricevuta in ritardo (secondi)</label><input type="number" id="lateReceiptSeconds" name="lateReceiptSeconds" min="1"></div>
<div class="field"><label for="concurrentActivations">Attivazioni concorrenti</label><input type="number" id="concurrentActivations" name="concurrentActivations" min="2" max="500"></div>
<div class="choice"><input type="checkbox" id="standIn" name="standIn"><label for="standIn">Stand-In: la stazione non viene interrogata, ricevuta con standIn=true</label></div>
<div class="choice"><input type="checkbox" id="unknownNotice" name="unknownNotice"><label for="unknownNotice">Ricevuta per un avviso sconosciuto alla stazione</label></div>
<div class="choice"><input type="checkbox" id="asSecondaryCreditor" name="asSecondaryCreditor"><label for="asSecondaryCreditor">L’ente è solo beneficiario secondario di un avviso di un ente esterno</label></div>
<div class="field"><label for="amount">Importo in euro (per Stand-In, avviso sconosciuto, ente esterno)</label><input type="text" id="amount" name="amount" inputmode="decimal"></div>
</fieldset>
<div class="actions"><button type="submit">Esegui il pagamento</button></div>
</form>`,
  );
}

/** The outcome of a payment: what the PSP was told, the station calls with their latency, the receipt. */
export function pspResultPage(outcome: PaymentOutcome): string {
  const ok = outcome.outcome === 'OK';
  const banner = ok
    ? `<div class="success" role="status"><p>Pagamento eseguito. Ricevuta <code>${e(outcome.receipt?.receiptId ?? '')}</code>.</p></div>`
    : `<div class="alert" role="alert"><p>Pagamento non eseguito: <strong>${e(outcome.fault?.faultCode ?? 'KO')}</strong>
${e(outcome.fault?.faultString ?? '')}${outcome.fault?.originalFaultCode ? ` (stazione: ${e(outcome.fault.originalFaultCode)})` : ''}
${outcome.fault?.description ? `— ${e(outcome.fault.description)}` : ''}</p></div>`;
  const steps = outcome.steps
    .map(
      (s) =>
        `<tr><td>${e(s.operation)}</td><td>${e(s.stationCode ?? '')}</td><td>${e(s.outcome)}${s.faultCode ? ` ${e(s.faultCode)}` : ''}</td>` +
        `<td class="amount">${s.latencyMs} ms${s.withinSla ? '' : ' (oltre 2 s)'}</td></tr>`,
    )
    .join('');
  const receipt = outcome.receipt
    ? `<h2>Ricevuta</h2><table><tbody>
<tr><th scope="row">Codice avviso</th><td>${formatNoticeNumber(outcome.noticeNumber)}</td></tr>
<tr><th scope="row">IUV</th><td>${e(outcome.receipt.creditorReferenceId)}</td></tr>
<tr><th scope="row">Importo</th><td>${euro(outcome.receipt.paymentAmountCents)} + commissione ${euro(outcome.receipt.feeCents)} = ${euro(outcome.receipt.totalCents)}</td></tr>
<tr><th scope="row">Data e ora</th><td>${e(outcome.receipt.paymentDateTime ?? '')}${outcome.receipt.standIn ? ' (Stand-In)' : ''}</td></tr>
<tr><th scope="row">Consegna</th><td>${outcome.receipt.deliveries
        .map(
          (d) =>
            `${e(d.stationCode)} (idPA ${e(d.idPA)}): ${e(d.status)}${d.lastFaultCode ? ` ${e(d.lastFaultCode)}` : ''}${d.nextAttemptAt && d.status === 'pending' ? `, prossimo invio ${e(d.nextAttemptAt)}` : ''}`,
        )
        .join('<br>')}</td></tr></tbody></table>`
    : '';
  const warnings = outcome.warnings.length
    ? `<h2>Avvisi</h2><ul>${outcome.warnings.map((w) => `<li>${e(w)}</li>`).join('')}</ul>`
    : '';
  return page(
    ok ? 'Pagamento eseguito' : 'Pagamento non eseguito',
    `<h1>${ok ? 'Pagamento eseguito' : 'Pagamento non eseguito'}</h1>${banner}${receipt}
<h2>Chiamate alla stazione</h2><table><thead><tr><th scope="col">Operazione</th><th scope="col">Stazione</th><th scope="col">Esito</th><th scope="col" class="amount">Latenza</th></tr></thead>
<tbody>${steps}</tbody></table>
<p>Latenza media ${outcome.stationLatency.averageMs} ms, massima ${outcome.stationLatency.maxMs} ms su ${outcome.stationLatency.calls} chiamate.</p>
${warnings}<p><a href="/psp">Nuovo pagamento</a></p>`,
  );
}
