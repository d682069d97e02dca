package office

import (
	"context"
	"encoding/json"
	"fmt"
	"time"

	"motcua/internal/store"
)

// AuditReport is what VerifyAudit found.
type AuditReport = store.AuditReport

// VerifyAudit checks the audit log's hash chain from its first entry and
// every dossier against the hash of its last audit entry: it names the
// first entry edited, inserted or deleted outside the program, and each
// dossier edited outside it. Dossiers with no audit entry at all are a
// problem too, unless they are the seeder's demo dossiers.
func (o *Office) VerifyAudit(ctx context.Context) (AuditReport, error) {
	r, err := o.st.VerifyAudit(ctx, 50)
	if err != nil {
		return r, err
	}
	seeded, err := o.seededCount(ctx)
	if err != nil {
		return r, err
	}
	if r.Unlogged > seeded {
		r.Problems = append(r.Problems, store.AuditProblem{Kind: "dossier_unlogged",
			Message: fmt.Sprintf("%d hồ sơ không có dòng nào trong nhật ký: được thêm vào sổ ngoài phần mềm", r.Unlogged-seeded)})
	}
	return r, nil
}

// auditAdded writes, inside tx, the audit line of a record just added:
// the record itself, as JSON, is what the line says came after.
func (o *Office) auditAdded(tx *store.Tx, at time.Time, action, entity, id string, record any) error {
	b, err := json.Marshal(record)
	if err != nil {
		return err
	}
	return tx.AppendAudit(store.Audit{At: at, Actor: o.actor, Action: action, Entity: entity, EntityID: id, After: string(b)})
}
